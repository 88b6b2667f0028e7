package org.voipguard.cdr;

import java.util.Locale;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.stereotype.Component;
import org.voipguard.billing.CallPricer;
import org.voipguard.billing.PricedCall;
import org.voipguard.billing.PricingException;
import org.voipguard.command.ExitCodes;
import org.voipguard.command.TopLevelCommand;
import org.voipguard.command.UsageException;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.rules.ActiveRuleBook;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.rules.facts.OutgoingCall;

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

    private final CallPricer pricer;
    private final NumberDirectory numbers;
    private final ActiveRuleBook rules;

    public CallsCommand(CallPricer pricer, NumberDirectory numbers, ActiveRuleBook rules) {
        this.pricer = pricer;
        this.numbers = numbers;
        this.rules = rules;
    }

    @Command(name = "check", description = "Print ALLOW or DENY for a call from NUMBER to DIALLED, with price, limit and rule.")
    int check(@Parameters(paramLabel = "NUMBER", description = "the calling number, E.164") String number,
            @Parameters(paramLabel = "DIALLED", description = "the dialled number, any UK or international format") String dialled,
            @Option(names = "--at", paramLabel = "TIME", description = "ISO-8601 time with offset (default: now)") String at,
            @Option(names = "--price", paramLabel = "PPM", description = "price in pence per minute (default: the tariff)") BigDecimal price) {
        NumberSettings settings = numbers.find(number);
        PricedCall priced = price(dialled, at, price);
        OutgoingCall call = OutgoingCallFacts.of("check", number, dialled, priced, settings, time(at).toString());
        List<RaisedAlert> breaches = rules.current().evaluate(List.of(call));
        PrintWriter out = spec.commandLine().getOut();
        String verdict = breaches.isEmpty() ? "ALLOW" : "DENY";
        out.printf("%s %s -> %s (%s%s) at %sp/min, limit %sp/min%s%n", verdict, number, priced.dialledE164(),
                priced.callClass().name().toLowerCase(Locale.ROOT), priced.premium() ? ", premium rate" : "",
                priced.pricePpm().stripTrailingZeros().toPlainString(), call.getLimitPpm().stripTrailingZeros().toPlainString(),
                breaches.isEmpty() ? "" : " (rule \"" + breaches.get(0).ruleName() + "\")");
        return ExitCodes.DONE;
    }

    private PricedCall price(String dialled, String at, BigDecimal price) {
        try {
            return pricer.price(dialled, time(at), 60, 200, price, null);
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
