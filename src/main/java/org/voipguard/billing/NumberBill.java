package org.voipguard.billing;

import java.math.BigDecimal;

/** A number to bill at month end, with its spend in the month (zero when it spent nothing). */
public record NumberBill(String number, BigDecimal billGbp) {
}
