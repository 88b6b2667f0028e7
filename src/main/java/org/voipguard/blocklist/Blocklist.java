package org.voipguard.blocklist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.voipguard.numbers.IpAccessList;

/**
 * The addresses to block at one time: every address with a running ban, except those on the
 * allowlist and those on any number's IP access list (a customer's PBX banned for a wrong
 * password would lock the customer out). Built by {@link BlocklistService} for
 * {@code blocklist export} and {@code serve} alike.
 */
public record Blocklist(Instant at, List<BlocklistEntry> entries, int allowlisted, int onAccessLists) {

    public Blocklist {
        entries = List.copyOf(entries);
    }

    /**
     * @param since only addresses whose last ban started within this long before {@code at}
     */
    public static Blocklist of(List<AddressBans.Ban> running, Instant at, Optional<Duration> since, Allowlist allowlist,
            List<IpAccessList> accessLists) {
        Map<String, List<AddressBans.Ban>> byAddress = new LinkedHashMap<>();
        running.forEach(ban -> byAddress.computeIfAbsent(ban.address(), a -> new ArrayList<>()).add(ban));
        List<BlocklistEntry> entries = new ArrayList<>();
        int allowlisted = 0;
        int onAccessLists = 0;
        for (var address : byAddress.entrySet()) {
            BlocklistEntry entry = entry(address.getKey(), address.getValue());
            if (since.isPresent() && entry.lastBan().isBefore(at.minus(since.get()))) {
                continue;
            }
            if (allowlist.contains(entry.address())) {
                allowlisted++;
            } else if (accessLists.stream().anyMatch(list -> !list.isEmpty() && list.permits(entry.address()))) {
                onAccessLists++;
            } else {
                entries.add(entry);
            }
        }
        entries.sort(Comparator.comparing(BlocklistEntry::isIpv6).thenComparing(BlocklistEntry::address));
        return new Blocklist(at, entries, allowlisted, onAccessLists);
    }

    private static BlocklistEntry entry(String address, List<AddressBans.Ban> bans) {
        Instant first = bans.stream().map(AddressBans.Ban::bannedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = bans.stream().map(AddressBans.Ban::bannedAt).max(Comparator.naturalOrder()).orElseThrow();
        Instant expires = bans.stream().map(AddressBans.Ban::expiresAt).max(Comparator.naturalOrder()).orElseThrow();
        TreeSet<String> reasons = new TreeSet<>();
        bans.forEach(ban -> reasons.add(ban.reason()));
        return new BlocklistEntry(address, reasons, first, last, expires);
    }
}
