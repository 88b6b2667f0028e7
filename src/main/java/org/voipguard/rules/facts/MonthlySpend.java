package org.voipguard.rules.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import org.voipguard.rules.AlertSubject;

/**
 * A number's spend in one calendar month (policy P3), in GBP. {@code warnedMultiple} is the
 * highest multiple of the warning level already warned about this month (0 when none).
 */
public final class MonthlySpend implements AlertSubject {

    private final String number;
    private final String month;
    private final BigDecimal spendGbp;
    private final BigDecimal warningLevelGbp;
    private final int warnedMultiple;
    private final boolean monthClosed;

    public MonthlySpend(String number, String month, BigDecimal spendGbp, BigDecimal warningLevelGbp,
            int warnedMultiple, boolean monthClosed) {
        this.number = number;
        this.month = month;
        this.spendGbp = spendGbp;
        this.warningLevelGbp = warningLevelGbp;
        this.warnedMultiple = warnedMultiple;
        this.monthClosed = monthClosed;
    }

    @Override public String getNumber() { return number; }
    /** The month as {@code YYYY-MM}, Europe/London. */
    public String getMonth() { return month; }
    public BigDecimal getSpendGbp() { return spendGbp; }
    public BigDecimal getWarningLevelGbp() { return warningLevelGbp; }
    public int getWarnedMultiple() { return warnedMultiple; }
    /** True once month-end has closed this month; its spend is then late charges. */
    public boolean isMonthClosed() { return monthClosed; }

    /** How many whole warning levels the spend has reached: 31.00 at a 10.00 level is 3. */
    public int getMultipleReached() {
        if (warningLevelGbp.signum() <= 0) {
            return 0;
        }
        return spendGbp.divide(warningLevelGbp, 0, RoundingMode.FLOOR).intValueExact();
    }

    /** The highest level reached, in GBP: 30.00 for a spend of 31.00 at a 10.00 level. */
    public BigDecimal getLevelReachedGbp() {
        return warningLevelGbp.multiply(BigDecimal.valueOf(getMultipleReached())).setScale(2, RoundingMode.HALF_UP);
    }

    @Override
    public String getAlertKey() {
        return number + ":" + month + ":" + getMultipleReached();
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("month", month);
        facts.put("spend_gbp", spendGbp.setScale(2, RoundingMode.HALF_UP).toPlainString());
        facts.put("warning_level_gbp", warningLevelGbp.setScale(2, RoundingMode.HALF_UP).toPlainString());
        facts.put("level_reached_gbp", getLevelReachedGbp().toPlainString());
        return facts;
    }

    @Override
    public String toString() {
        return "MonthlySpend[" + number + " " + month + " " + spendGbp + " GBP, level " + warningLevelGbp + "]";
    }
}
