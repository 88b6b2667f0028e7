package org.voipguard.thresholds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The User-Agents of known SIP scanners ({@code rules/scanner-user-agents.txt}): one prefix a
 * line, matched at the start of a User-Agent whatever the case; blank lines and lines starting
 * with {@code #} are comments. A prefix is printable ASCII without spaces at either end.
 */
public final class ScannerUserAgents {

    public static final String FILE_NAME = "scanner-user-agents.txt";

    private static final Pattern PREFIX = Pattern.compile("[\\x21-\\x7E]([\\x20-\\x7E]{0,98}[\\x21-\\x7E])?");
    private static final ScannerUserAgents NONE = new ScannerUserAgents(List.of());

    private final List<String> prefixes;

    private ScannerUserAgents(List<String> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    /** No prefix: no User-Agent is a scanner's. */
    public static ScannerUserAgents none() {
        return NONE;
    }

    /** Reads the list; {@code name} is how messages call the file. */
    public static ScannerUserAgents parse(Reader text, String name) {
        List<String> prefixes = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(text)) {
            long lineNumber = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                String prefix = line.strip();
                if (prefix.isEmpty() || prefix.startsWith("#")) {
                    continue;
                }
                if (!PREFIX.matcher(prefix).matches()) {
                    throw new ThresholdFileException(name, lineNumber,
                            "not a User-Agent prefix (printable ASCII, at most 100 characters)");
                }
                prefixes.add(prefix);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return new ScannerUserAgents(prefixes);
    }

    /** The list's prefix the User-Agent starts with, ignoring case; empty for none or no User-Agent. */
    public Optional<String> match(String userAgent) {
        if (userAgent == null || prefixes.isEmpty()) {
            return Optional.empty();
        }
        String agent = userAgent.stripLeading();
        for (String prefix : prefixes) {
            if (agent.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return Optional.of(prefix);
            }
        }
        return Optional.empty();
    }

    public List<String> prefixes() {
        return prefixes;
    }
}
