package org.voipguard.rules.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A number's bill for a month being closed (policy P5), in GBP, with what the rules need to
 * set the number's automatic bill warning level for the months that follow. The rules answer
 * on the fact itself with {@link #setNewAutoLevelGbp(BigDecimal)}; a bill no rule answers
 * keeps the level it has.
 */
public final class MonthEndBill {

    private final String number;
    private final String month;
    private final BigDecimal billGbp;
    private final BigDecimal defaultLevelGbp;
    private final BigDecimal factor;
    private final boolean customerSet;
    private BigDecimal newAutoLevelGbp;

    public MonthEndBill(String number, String month, BigDecimal billGbp, BigDecimal defaultLevelGbp,
            BigDecimal factor, boolean customerSet) {
        this.number = number;
        this.month = month;
        this.billGbp = billGbp;
        this.defaultLevelGbp = defaultLevelGbp;
        this.factor = factor;
        this.customerSet = customerSet;
    }

    public String getNumber() { return number; }
    /** The month closed, as {@code YYYY-MM}, Europe/London. */
    public String getMonth() { return month; }
    /** The month's bill: its spend, late charges so far included. */
    public BigDecimal getBillGbp() { return billGbp; }
    /** The default warning level from batch-config (GBP 10.00 unless changed). */
    public BigDecimal getDefaultLevelGbp() { return defaultLevelGbp; }
    /** The warning level factor from batch-config (1.2 unless changed). */
    public BigDecimal getFactor() { return factor; }
    /** True when the customer set the number's warning level: it is never changed automatically. */
    public boolean isCustomerSet() { return customerSet; }

    /** The factor times the bill, rounded to the penny: 36.00 for a bill of 30.00 at 1.2. */
    public BigDecimal getScaledBillGbp() {
        return pennies(factor.multiply(billGbp));
    }

    /** The automatic level a rule set, or null when no rule set one. */
    public BigDecimal getNewAutoLevelGbp() { return newAutoLevelGbp; }

    /** What a rule answers: the number's automatic warning level from now on, rounded to the penny. */
    public void setNewAutoLevelGbp(BigDecimal levelGbp) {
        if (levelGbp == null || levelGbp.signum() <= 0) {
            throw new IllegalArgumentException("a bill warning level must be above zero, not " + levelGbp
                    + " (number " + number + ", month " + month + ")");
        }
        this.newAutoLevelGbp = pennies(levelGbp);
    }

    private static BigDecimal pennies(BigDecimal gbp) {
        return gbp.setScale(2, RoundingMode.HALF_UP);
    }

    @Override
    public String toString() {
        return "MonthEndBill[" + number + " " + month + " " + billGbp + " GBP" + (customerSet ? ", customer level" : "")
                + (newAutoLevelGbp == null ? "" : ", new level " + newAutoLevelGbp) + "]";
    }
}
