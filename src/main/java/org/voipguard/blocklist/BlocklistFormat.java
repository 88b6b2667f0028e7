package org.voipguard.blocklist;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The forms {@code blocklist export} writes. Each holds only addresses VoIPGuard validated and
 * canonicalised, its own fixed words and times: no text from the network.
 */
public enum BlocklistFormat {

    /** One address a line with its expiry, reasons, first and last ban, tab separated; {@code #} lines are comments. */
    PLAIN("plain") {
        @Override
        public String write(Blocklist list) {
            StringBuilder text = new StringBuilder(header(list, "#"));
            text.append("# address\texpires\treasons\tfirst_ban\tlast_ban\n");
            for (BlocklistEntry entry : list.entries()) {
                text.append(entry.address()).append('\t').append(entry.expires()).append('\t')
                        .append(String.join(",", entry.reasons())).append('\t').append(entry.firstBan()).append('\t')
                        .append(entry.lastBan()).append('\n');
            }
            return text.toString();
        }
    },

    /**
     * An {@code nft -f} script: creates the table {@code inet voipguard} with the sets
     * {@code blocked_ipv4} and {@code blocked_ipv6} (flag {@code timeout}) if absent, empties
     * them and adds each address with the time its ban has left, all in one transaction.
     */
    NFTABLES("nftables") {
        @Override
        public String write(Blocklist list) {
            StringBuilder text = new StringBuilder("#!/usr/sbin/nft -f\n").append(header(list, "#"));
            text.append("table inet voipguard {\n");
            text.append("\tset blocked_ipv4 {\n\t\ttype ipv4_addr\n\t\tflags timeout\n\t}\n");
            text.append("\tset blocked_ipv6 {\n\t\ttype ipv6_addr\n\t\tflags timeout\n\t}\n");
            text.append("}\n");
            text.append("flush set inet voipguard blocked_ipv4\n");
            text.append("flush set inet voipguard blocked_ipv6\n");
            elements(text, list, false, "blocked_ipv4");
            elements(text, list, true, "blocked_ipv6");
            return text.toString();
        }

        private void elements(StringBuilder text, Blocklist list, boolean ipv6, String set) {
            List<String> elements = list.entries().stream().filter(e -> e.isIpv6() == ipv6)
                    .map(e -> e.address() + " timeout " + secondsLeft(list.at(), e.expires()) + "s").toList();
            if (!elements.isEmpty()) {
                text.append("add element inet voipguard ").append(set).append(" { ")
                        .append(String.join(", ", elements)).append(" }\n");
            }
        }
    },

    /**
     * A {@code db_text} table for Kamailio's {@code htable} module (its default columns), to be
     * saved as the file {@code blocklist} of the configuration's {@code db_text} directory: key
     * the address, value the reasons, {@code expires} when the ban ends (seconds since 1970),
     * loaded with the table's {@code dbtable} and {@code db_expires}.
     */
    KAMAILIO_HTABLE("kamailio-htable") {
        @Override
        public String write(Blocklist list) {
            StringBuilder text = new StringBuilder(
                    "id(int,auto) key_name(string) key_type(int) value_type(int) key_value(string) expires(int)\n");
            int id = 1;
            for (BlocklistEntry entry : list.entries()) {
                text.append(id++).append(':').append(entry.address().replace(":", "\\:")).append(":0:0:")
                        .append(String.join(",", entry.reasons())).append(':').append(entry.expires().getEpochSecond())
                        .append('\n');
            }
            return text.toString();
        }
    };

    /** The db_text table version Kamailio's htable module checks ({@code version} file: {@code blocklist:2}). */
    public static final int HTABLE_TABLE_VERSION = 2;

    private final String option;

    BlocklistFormat(String option) {
        this.option = option;
    }

    /** The whole output for the list. */
    public abstract String write(Blocklist list);

    /** The name given to {@code --format}. */
    public String option() {
        return option;
    }

    public static Optional<BlocklistFormat> fromOption(String text) {
        for (BlocklistFormat format : values()) {
            if (format.option.equals(text.toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private static String header(Blocklist list, String comment) {
        return comment + " VoIPGuard blocklist at " + list.at() + ": " + list.entries().size() + " addresses\n";
    }

    /** Whole seconds until the ban ends, at least 1. */
    static long secondsLeft(Instant at, Instant expires) {
        long millis = Duration.between(at, expires).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
