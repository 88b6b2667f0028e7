package org.voipguard.blocklist;

import java.time.Instant;
import java.util.Set;

/**
 * An address to block now: why (the alert types that banned it), its first and last ban in
 * the running bans, and when the last of them ends. {@code address} is canonical, validated.
 */
public record BlocklistEntry(String address, Set<String> reasons, Instant firstBan, Instant lastBan, Instant expires) {

    public BlocklistEntry {
        reasons = Set.copyOf(reasons);
    }

    public boolean isIpv6() {
        return address.indexOf(':') >= 0;
    }
}
