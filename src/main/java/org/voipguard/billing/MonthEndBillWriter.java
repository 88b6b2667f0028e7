package org.voipguard.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.voipguard.config.VoipGuardProperties.PolicyDefaults;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.rules.RuleBook;
import org.voipguard.rules.facts.MonthEndBill;

/**
 * Policy P5 for one chunk of numbers: the rules set each automatic warning level from the
 * month's bill, and the bill is recorded with the level it set, in one transaction. A number
 * billed by an earlier, interrupted run is left as it is, so a run can be repeated safely.
 */
public class MonthEndBillWriter implements ItemWriter<NumberBill> {

    private final NumberDirectory numbers;
    private final MonthlyBills bills;
    private final RuleBook rules;
    private final PolicyDefaults defaults;
    private final String month;
    private final boolean setsLevels;

    /**
     * @param setsLevels false when a later month is closed already: the levels follow the latest bill,
     *                   so closing an earlier month only records its bills
     */
    public MonthEndBillWriter(NumberDirectory numbers, MonthlyBills bills, RuleBook rules, PolicyDefaults defaults,
            String month, boolean setsLevels) {
        this.numbers = numbers;
        this.bills = bills;
        this.rules = rules;
        this.defaults = defaults;
        this.month = month;
        this.setsLevels = setsLevels;
    }

    @Override
    public void write(Chunk<? extends NumberBill> chunk) {
        List<NumberBill> fresh = unbilled(chunk.getItems());
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, NumberSettings> settings = numbers.findAll(fresh.stream().map(NumberBill::number).toList());
        List<MonthEndBill> facts = fresh.stream().map(bill -> new MonthEndBill(bill.number(), month, bill.billGbp(),
                defaults.billWarningLevelGbp(), defaults.warningLevelFactor(),
                settings.get(bill.number()).warningLevelSetByCustomer())).toList();
        Set<String> changed = setsLevels ? bills.setAutoLevels(newAutoLevels(facts)) : Set.of();
        List<MonthlyBills.Bill> recorded = new ArrayList<>(facts.size());
        for (MonthEndBill fact : facts) {
            BigDecimal previous = settings.get(fact.getNumber()).billWarningLevelGbp();
            BigDecimal level = changed.contains(fact.getNumber()) ? fact.getNewAutoLevelGbp() : previous;
            recorded.add(new MonthlyBills.Bill(fact.getNumber(), month, fact.getBillGbp(), level, previous));
        }
        bills.insert(recorded);
    }

    private List<NumberBill> unbilled(List<? extends NumberBill> items) {
        Set<String> billed = bills.billed(month, items.stream().map(NumberBill::number).toList());
        return items.stream().filter(item -> !billed.contains(item.number())).map(NumberBill.class::cast).toList();
    }

    private Map<String, BigDecimal> newAutoLevels(List<MonthEndBill> facts) {
        rules.evaluate(facts);
        Map<String, BigDecimal> levels = new LinkedHashMap<>();
        for (MonthEndBill fact : facts) {
            if (!fact.isCustomerSet() && fact.getNewAutoLevelGbp() != null) {
                levels.put(fact.getNumber(), fact.getNewAutoLevelGbp());
            }
        }
        return levels;
    }
}
