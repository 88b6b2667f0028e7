package org.voipguard.cdr;

import java.util.Locale;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Component;
import org.voipguard.billing.PricingException;
import org.voipguard.command.ExitCodes;
import org.voipguard.command.TopLevelCommand;
import org.voipguard.command.UsageException;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.rules.ActiveRuleBook;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The price-limit decision (P1) for one call before it is placed, with the same rules as the imports. */
@Component
@Command(name = "calls", description = "Single calls: check a call against the price limits before it is placed.")
public class CallsCommand implements TopLevelCommand {

    @Spec
    private CommandSpec spec;

    private final CallAuthorizer authorizer;
    private final NumberDirectory numbers;
    private final ActiveRuleBook rules;

    public CallsCommand(CallAuthorizer authorizer, NumberDirectory numbers, ActiveRuleBook rules) {
        this.authorizer = authorizer;
        this.numbers = numbers;
        this.rules = rules;
    }

    @Command(name = "check", description = "Print ALLOW or DENY for a call from NUMBER to DIALLED, with price, limit and rule.")
    int check(@Parameters(paramLabel = "NUMBER", description = "the calling number, E.164") String number,
            @Parameters(paramLabel = "DIALLED", description = "the dialled number, any UK or international format") String dialled,
            @Option(names = "--at", paramLabel = "TIME", description = "ISO-8601 time with offset (default: now)") String at,
            @Option(names = "--price", paramLabel = "PPM", description = "price in pence per minute (default: the tariff)") BigDecimal price) {
        CallDecision decision = decide(numbers.find(number), dialled, time(at), price);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s %s -> %s (%s%s) at %sp/min, limit %sp/min%s%n", decision.allowed() ? "ALLOW" : "DENY", number,
                decision.dialledE164(), decision.callClass().name().toLowerCase(Locale.ROOT),
                decision.premium() ? ", premium rate" : "", decision.pricePpm().stripTrailingZeros().toPlainString(),
                decision.limitPpm().stripTrailingZeros().toPlainString(),
                decision.rule().map(rule -> " (rule \"" + rule + "\")").orElse(""));
        return ExitCodes.DONE;
    }

    private CallDecision decide(NumberSettings settings, String dialled, OffsetDateTime at, BigDecimal price) {
        try {
            return authorizer.decide(settings, dialled, at, price, rules.current());
        } catch (PricingException e) {
            throw new UsageException(e.field() + ": " + e.getMessage());
        }
    }

    private static OffsetDateTime time(String at) {
        if (at == null) {
            return OffsetDateTime.now();
        }
        try {
            return OffsetDateTime.parse(at);
        } catch (DateTimeParseException e) {
            throw new UsageException("--at must be ISO-8601 with an offset, e.g. 2026-11-02T10:15:00Z");
        }
    }
}
