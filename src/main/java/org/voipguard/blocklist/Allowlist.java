package org.voipguard.blocklist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.voipguard.numbers.InvalidAccessListException;
import org.voipguard.numbers.IpAccessList;

/**
 * The provider's own networks (fail2ban's {@code ignoreip}): addresses and CIDR blocks, IPv4 and
 * IPv6, one or more a line (comma separated), {@code #} starting a comment. An address on it is
 * never counted by the address checks ({@code AUTH_FAILURES}, {@code SCANNER}) and never on the
 * blocklist. A line that names the unspecified address or allows every address is refused, as
 * in an access list: it would switch blocking off altogether.
 */
public final class Allowlist {

    private static final Allowlist EMPTY = new Allowlist(List.of());

    private final List<IpAccessList> lines;

    private Allowlist(List<IpAccessList> lines) {
        this.lines = List.copyOf(lines);
    }

    public static Allowlist empty() {
        return EMPTY;
    }

    /**
     * Reads the list; {@code name} is how messages call it.
     *
     * @throws IllegalArgumentException naming the line and the item at fault
     */
    public static Allowlist parse(Reader text, String name) {
        List<IpAccessList> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(text)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                int comment = line.indexOf('#');
                String items = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (items.isEmpty()) {
                    continue;
                }
                try {
                    lines.add(IpAccessList.parse(items));
                } catch (InvalidAccessListException e) {
                    throw new IllegalArgumentException(name + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return new Allowlist(lines);
    }

    /** True when the address (canonical or not) is on the list. */
    public boolean contains(String address) {
        for (IpAccessList line : lines) {
            if (line.permits(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
