package org.voipguard.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.rules.AlertSink;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.rules.RuleBook;
import org.voipguard.rules.facts.MonthlySpend;

/**
 * Policy P3 for the number-months an import touched: the rules decide which spends reached
 * a new multiple of the warning level; each warning is stored and the multiple remembered,
 * so it is never raised twice.
 */
public class BillWarningWriter implements ItemWriter<SpendRow> {

    private final NumberDirectory numbers;
    private final SpendLedger ledger;
    private final RuleBook rules;
    private final AlertSink alerts;
    private final long importId;

    public BillWarningWriter(NumberDirectory numbers, SpendLedger ledger, RuleBook rules, AlertSink alerts,
            long importId) {
        this.numbers = numbers;
        this.ledger = ledger;
        this.rules = rules;
        this.alerts = alerts;
        this.importId = importId;
    }

    @Override
    public void write(Chunk<? extends SpendRow> chunk) {
        List<? extends SpendRow> rows = chunk.getItems();
        Map<String, NumberSettings> settings = numbers.findAll(rows.stream().map(SpendRow::number).toList());
        List<MonthlySpend> facts = facts(rows, settings, ledger.closedMonths());
        List<RaisedAlert> raised = rules.evaluate(facts).alerts();
        alerts.accept(raised, importId);
        ledger.markWarned(warnedMultiples(raised, facts));
    }

    /** The P3 facts of spend rows: each with its number's warning level and whether its month is closed. */
    public static List<MonthlySpend> facts(List<? extends SpendRow> rows, Map<String, NumberSettings> settings,
            Set<String> closedMonths) {
        return rows.stream()
                .map(row -> new MonthlySpend(row.number(), row.month(), row.spendGbp(),
                        settings.get(row.number()).billWarningLevelGbp(), row.warnedMultiple(),
                        closedMonths.contains(row.month())))
                .toList();
    }

    /** The multiples the raised bill warnings warned about, to be remembered so they are never raised twice. */
    public static List<SpendLedger.WarnedMultiple> warnedMultiples(List<RaisedAlert> raised, List<MonthlySpend> facts) {
        Set<String> raisedKeys = raised.stream().map(RaisedAlert::key).collect(Collectors.toSet());
        List<SpendLedger.WarnedMultiple> warned = new ArrayList<>();
        for (MonthlySpend spend : facts) {
            if (raisedKeys.contains("BILL_WARNING:" + spend.getAlertKey())) {
                warned.add(new SpendLedger.WarnedMultiple(spend.getNumber(), spend.getMonth(), spend.getMultipleReached()));
            }
        }
        return warned;
    }
}
