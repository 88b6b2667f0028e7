package org.voipguard.billing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.voipguard.numbers.NumberSettings;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.rules.RuleBook;
import org.voipguard.rules.facts.MonthlySpend;

/**
 * Policy P3 for number-months whose spend went up: the rules decide which spends reached a new
 * multiple of the warning level, and every multiple an alert was raised about is remembered so
 * it is never warned about twice. The import job's bill-warning step and the in-memory
 * evaluation (dry run, scenarios) share this logic; only where the spend lives differs.
 */
public final class BillWarnings {

    private final RuleBook rules;

    public BillWarnings(RuleBook rules) {
        this.rules = rules;
    }

    /** The alerts raised, and the multiples they warned about. */
    public record Result(List<RaisedAlert> alerts, List<SpendLedger.WarnedMultiple> warned) {
    }

    /**
     * @param settings     one entry for every number of the rows
     * @param closedMonths the months month-end closed: their spend is late charges, which warn nobody
     */
    public Result evaluate(List<? extends SpendRow> rows, Map<String, NumberSettings> settings,
            Set<String> closedMonths) {
        List<MonthlySpend> facts = rows.stream()
                .map(row -> new MonthlySpend(row.number(), row.month(), row.spendGbp(),
                        settings.get(row.number()).billWarningLevelGbp(), row.warnedMultiple(),
                        closedMonths.contains(row.month())))
                .toList();
        List<RaisedAlert> raised = rules.evaluate(facts);
        return new Result(raised, warnedMultiples(raised, facts));
    }

    /** Whatever an analyst calls it, an alert about a month's spend warned about the multiple that spend reached. */
    private static List<SpendLedger.WarnedMultiple> warnedMultiples(List<RaisedAlert> raised, List<MonthlySpend> facts) {
        Set<Object> warnedAbout = RaisedAlert.subjectsOf(raised);
        return facts.stream()
                .filter(warnedAbout::contains)
                .map(spend -> new SpendLedger.WarnedMultiple(spend.getNumber(), spend.getMonth(),
                        spend.getMultipleReached()))
                .toList();
    }
}
