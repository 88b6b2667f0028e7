package org.voipguard.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.voipguard.numbers.IpAccessList;

class BlocklistTest {

    private static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");

    @Test
    void anAddressIsListedWithItsReasonsFirstAndLastBanAndTheLatestExpiry() {
        List<AddressBans.Ban> bans = List.of(ban("203.0.113.66", "AUTH_FAILURES", 120, 60),
                ban("203.0.113.66", "SCANNER", 30, 1440));

        Blocklist list = Blocklist.of(bans, NOW, Optional.empty(), Allowlist.empty(), List.of());

        assertThat(list.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.reasons()).containsExactlyInAnyOrder("AUTH_FAILURES", "SCANNER");
            assertThat(entry.firstBan()).isEqualTo(NOW.minus(Duration.ofMinutes(120)));
            assertThat(entry.lastBan()).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
            assertThat(entry.expires()).isEqualTo(NOW.minus(Duration.ofMinutes(30)).plus(Duration.ofMinutes(1440)));
        });
    }

    @Test
    void theAllowlistAndEveryAccessListKeepTheirAddressesOff() throws Exception {
        Allowlist allowlist = Allowlist.parse(new StringReader("# our own\n192.0.2.0/28, 2001:db8:5::/48\n"), "allow");
        List<AddressBans.Ban> bans = List.of(ban("192.0.2.5", "SCANNER", 1, 60), ban("2001:db8:5::9", "SCANNER", 1, 60),
                ban("198.51.100.7", "AUTH_FAILURES", 1, 60), ban("203.0.113.9", "AUTH_FAILURES", 1, 60));

        Blocklist list = Blocklist.of(bans, NOW, Optional.empty(), allowlist,
                List.of(IpAccessList.parse("198.51.100.0/24"), IpAccessList.empty()));

        assertThat(list.entries()).extracting(BlocklistEntry::address).containsExactly("203.0.113.9");
        assertThat(list.allowlisted()).isEqualTo(2);
        assertThat(list.onAccessLists()).isEqualTo(1);
    }

    @Test
    void sinceKeepsOnlyAddressesWhoseBanStartedWithinIt() {
        List<AddressBans.Ban> bans = List.of(ban("203.0.113.1", "SCANNER", 10, 1440), ban("203.0.113.2", "SCANNER", 90, 1440));

        Blocklist list = Blocklist.of(bans, NOW, Optional.of(Duration.ofHours(1)), Allowlist.empty(), List.of());

        assertThat(list.entries()).extracting(BlocklistEntry::address).containsExactly("203.0.113.1");
    }

    @Test
    void anAllowlistLineThatAllowsEverythingIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> Allowlist.parse(new StringReader("192.0.2.1\n0.0.0.0/0\n"), "allowlist.txt"))
                .hasMessageStartingWith("allowlist.txt line 2: \"0.0.0.0/0\"");
    }

    @Test
    void nftablesFillsTwoTimeoutSetsInOneScriptWithTheTimeEachBanHasLeft() {
        Blocklist list = Blocklist.of(List.of(ban("203.0.113.66", "AUTH_FAILURES", 0, 60),
                ban("2001:db8:bad::7", "SCANNER", 0, 1440)), NOW, Optional.empty(), Allowlist.empty(), List.of());

        String script = BlocklistFormat.NFTABLES.write(list);

        assertThat(script).startsWith("#!/usr/sbin/nft -f\n").contains("""
                table inet voipguard {
                \tset blocked_ipv4 {
                \t\ttype ipv4_addr
                \t\tflags timeout
                \t}
                \tset blocked_ipv6 {
                \t\ttype ipv6_addr
                \t\tflags timeout
                \t}
                }
                flush set inet voipguard blocked_ipv4
                flush set inet voipguard blocked_ipv6
                add element inet voipguard blocked_ipv4 { 203.0.113.66 timeout 3600s }
                add element inet voipguard blocked_ipv6 { 2001:db8:bad::7 timeout 86400s }
                """);
    }

    @Test
    void anEmptyListWritesNoAddElementWhichNftWouldRefuse() {
        String script = BlocklistFormat.NFTABLES.write(Blocklist.of(List.of(), NOW, Optional.empty(),
                Allowlist.empty(), List.of()));

        assertThat(script).doesNotContain("add element").contains("flush set inet voipguard blocked_ipv6\n");
    }

    @Test
    void theKamailioTableIsDbTextWithTheColonsOfIpv6Escaped() {
        Blocklist list = Blocklist.of(List.of(ban("203.0.113.66", "AUTH_FAILURES", 0, 60),
                ban("2001:db8:bad::7", "SCANNER", 0, 60)), NOW, Optional.empty(), Allowlist.empty(), List.of());

        assertThat(BlocklistFormat.KAMAILIO_HTABLE.write(list)).isEqualTo("""
                id(int,auto) key_name(string) key_type(int) value_type(int) key_value(string) expires(int)
                1:203.0.113.66:0:0:AUTH_FAILURES:%d
                2:2001\\:db8\\:bad\\:\\:7:0:0:SCANNER:%d
                """.formatted(NOW.plusSeconds(3600).getEpochSecond(), NOW.plusSeconds(3600).getEpochSecond()));
    }

    private static AddressBans.Ban ban(String address, String reason, long minutesAgo, long banMinutes) {
        Instant start = NOW.minus(Duration.ofMinutes(minutesAgo));
        return new AddressBans.Ban(address, reason, start, start.plus(Duration.ofMinutes(banMinutes)));
    }
}
