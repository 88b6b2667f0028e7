package org.voipguard.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.voipguard.billing.BillingMonths;
import org.voipguard.billing.CallPricer;
import org.voipguard.billing.MonthEndBillWriter;
import org.voipguard.billing.NumberBill;
import org.voipguard.cdr.CdrLine;
import org.voipguard.cdr.CdrLineProcessor;
import org.voipguard.cdr.InMemoryCdrImport;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.EvaluatedFile;
import org.voipguard.imports.RejectedLines;
import org.voipguard.numbers.InMemoryNumberDirectory;
import org.voipguard.registration.InMemoryRegistrationImport;
import org.voipguard.registration.LogFormat;
import org.voipguard.registration.RegistrationLine;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.rules.RuleBook;
import org.voipguard.rules.facts.MonthEndBill;

/**
 * Runs a scenario against a rule book the way the imports would run its rows, with every
 * table in memory: the CDRs are parsed, priced with the configured tariff and evaluated for
 * price limits (P1) and bill warnings (P3); the registrations for lockdown (P2) and new IP /
 * User-Agent (P4); a month end in "before" sets the automatic warning levels (P5) and closes
 * the month. Nothing touches the database.
 */
@Component
public class ScenarioRunner {

    private final VoipGuardProperties properties;
    private final CallPricer pricer;
    private final BillingMonths months;

    public ScenarioRunner(VoipGuardProperties properties, CallPricer pricer, BillingMonths months) {
        this.properties = properties;
        this.pricer = pricer;
        this.months = months;
    }

    public ScenarioResult run(RuleBook rulesDirectory, Scenario scenario) {
        RuleBook rules = scenario.thresholds() == null ? rulesDirectory
                : rulesDirectory.withThresholds(scenario.thresholds(), "scenario");
        InMemoryNumberDirectory numbers = new InMemoryNumberDirectory(scenario.numbers(), properties.defaults());
        InMemoryCdrImport cdrs = new InMemoryCdrImport(new CdrLineProcessor(pricer), months, numbers, rules,
                InMemoryCdrImport.StoredState.nothing(scenario.closedMonths()), properties.chunkSize());
        InMemoryRegistrationImport registrations =
                InMemoryRegistrationImport.fromNothing(numbers, rules, scenario.allowlist(), properties.chunkSize());
        try {
            evaluate(cdrs, registrations, scenario.before(), "before");
            if (scenario.before().monthEnd() != null) {
                closeMonth(scenario.before().monthEnd(), rules, numbers, cdrs);
            }
            List<RaisedAlert> raised = evaluate(cdrs, registrations, scenario.rows(), "");
            return ScenarioResult.compare(scenario, raised);
        } catch (RuntimeException e) {
            return ScenarioResult.failed(scenario, e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private List<RaisedAlert> evaluate(InMemoryCdrImport cdrs, InMemoryRegistrationImport registrations,
            Scenario.Rows rows, String part) {
        List<RaisedAlert> raised = new ArrayList<>();
        if (!rows.cdrs().isEmpty()) {
            InMemoryCdrImport.FileRun run = cdrs.startFile("cdrs");
            Map<Long, Scenario.Row> byLine = numbered(rows.cdrs());
            byLine.forEach((number, row) -> run.accept(new CdrLine(number, row.text())));
            raised.addAll(checked(run.finish(), byLine, prefixed(part, "cdrs")));
        }
        if (!rows.registrations().isEmpty()) {
            InMemoryRegistrationImport.FileRun run = registrations.startFile("registrations", LogFormat.CSV);
            Map<Long, Scenario.Row> byLine = numbered(rows.registrations());
            byLine.forEach((number, row) -> run.accept(new RegistrationLine(number, row.text())));
            raised.addAll(checked(run.finish(), byLine, prefixed(part, "registrations")));
        }
        return raised;
    }

    /**
     * Month end as the month-end job does it: every number is billed its spend of the month (a
     * listed number without spend is billed nothing), the rules set the automatic warning
     * levels, and the month is closed.
     */
    private void closeMonth(String month, RuleBook rules, InMemoryNumberDirectory numbers, InMemoryCdrImport cdrs) {
        Map<String, BigDecimal> spend = new TreeMap<>(cdrs.spendIn(month));
        numbers.numbers().forEach(number -> spend.putIfAbsent(number, BigDecimal.ZERO));
        List<NumberBill> bills = spend.entrySet().stream().map(e -> new NumberBill(e.getKey(), e.getValue())).toList();
        List<MonthEndBill> facts = MonthEndBillWriter.facts(bills, numbers.findAll(spend.keySet()), month,
                properties.defaults());
        MonthEndBillWriter.newAutoLevels(rules, facts).forEach(numbers::setAutoWarningLevel);
        cdrs.closeMonth(month);
    }

    private static Map<Long, Scenario.Row> numbered(List<Scenario.Row> rows) {
        Map<Long, Scenario.Row> byLine = new LinkedHashMap<>();
        rows.forEach(row -> byLine.put((long) row.line(), row));
        return byLine;
    }

    /** A row the import would reject is a mistake in the scenario: it fails, naming the line. */
    private static List<RaisedAlert> checked(EvaluatedFile file, Map<Long, Scenario.Row> byLine, String part) {
        if (!file.rejected().isEmpty()) {
            RejectedLines.Rejection first = file.rejected().get(0);
            throw new BadRow("line %d: %s row rejected: %s: %s".formatted(first.lineNumber(), part, first.field(),
                    first.reason()));
        }
        return file.alerts();
    }

    private static String prefixed(String part, String what) {
        return part.isEmpty() ? what : part + " " + what;
    }

    private static final class BadRow extends RuntimeException {
        BadRow(String message) {
            super(message, null, false, false);
        }
    }
}
