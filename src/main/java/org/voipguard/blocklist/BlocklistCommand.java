package org.voipguard.blocklist;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.voipguard.command.ExitCodes;
import org.voipguard.command.TopLevelCommand;
import org.voipguard.command.UsageException;
import org.voipguard.text.UntrustedText;
import org.voipguard.thresholds.Thresholds;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blocklist export [--format plain|kamailio-htable|nftables] [--since DURATION] [--at TIME]}. */
@Component
@Command(name = "blocklist", mixinStandardHelpOptions = true,
        description = "The addresses to block: from AUTH_FAILURES, SCANNER and LOCKDOWN_BLOCKED alerts, each until "
                + "its ban ends, never one on the allowlist or on a number's IP access list.")
public class BlocklistCommand implements TopLevelCommand {


    private final BlocklistService blocklists;

    @Spec
    private CommandSpec spec;

    public BlocklistCommand(BlocklistService blocklists) {
        this.blocklists = blocklists;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the addresses to block now to standard output, in a form the firewall or the "
                    + "registrar loads as it is; what was left out and why goes to standard error.")
    int export(
            @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "plain",
                    description = "plain (address, expiry, reasons, first and last ban; tab separated), nftables "
                            + "(an nft -f script filling the sets inet voipguard blocked_ipv4/blocked_ipv6 with "
                            + "timeouts) or kamailio-htable (a db_text table for the htable module); default plain")
            String format,
            @Option(names = "--since", paramLabel = "DURATION",
                    description = "only addresses whose ban started within this long, e.g. 15m, 1h, 2d")
            String since,
            @Option(names = "--at", paramLabel = "TIME",
                    description = "the list as at this ISO-8601 time instead of now, e.g. 2026-11-02T10:00:00Z")
            Instant at) {
        BlocklistFormat chosen = BlocklistFormat.fromOption(format).orElseThrow(() -> new UsageException(
                "--format: plain, kamailio-htable or nftables, not '" + UntrustedText.escape(format) + "'"));
        Optional<Duration> within = since == null ? Optional.empty() : Optional.of(duration(since));
        Blocklist list;
        try {
            list = blocklists.at(at == null ? Instant.now() : at, within);
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(chosen.write(list));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.printf("blocklist export: %d addresses (%s); left out: %d on the allowlist, %d on a number's IP access"
                + " list%n", list.entries().size(), chosen.option(), list.allowlisted(), list.onAccessLists());
        err.flush();
        return ExitCodes.DONE;
    }

    private static Duration duration(String text) {
        Duration duration;
        try {
            duration = Thresholds.duration(text.strip());
        } catch (IllegalArgumentException e) {
            duration = Duration.ZERO;
        }
        if (duration.isZero()) {
            throw new UsageException("--since: a duration such as 30m, 1h or 2d, not '" + UntrustedText.escape(text)
                    + "'");
        }
        return duration;
    }
}
