package org.voipguard.billing;

import java.math.BigDecimal;

/**
 * One row of the tariff: prices in pence per minute for numbers starting with {@code prefix}.
 *
 * @param prefix E.164 digits without the plus, e.g. {@code 449}
 */
public record TariffEntry(String prefix, String description, BigDecimal peakPpm, BigDecimal offPeakPpm,
        BigDecimal weekendPpm) {

    public BigDecimal pricePpm(TariffPeriod period) {
        switch (period) {
            case PEAK:
                return peakPpm;
            case OFF_PEAK:
                return offPeakPpm;
            default:
                return weekendPpm;
        }
    }
}
