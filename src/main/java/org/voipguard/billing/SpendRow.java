package org.voipguard.billing;

import java.math.BigDecimal;

/** A row of {@code monthly_spend} as the bill-warning step reads it. */
public record SpendRow(String number, String month, BigDecimal spendGbp, int warnedMultiple) {
}
