package org.voipguard.billing;

import java.math.BigDecimal;

/**
 * A call with its class and money worked out.
 *
 * @param dialledE164 the dialled number in E.164 form
 * @param premium     a UK premium-rate number (09…)
 * @param pricePpm    pence per minute, from the CDR or the tariff
 * @param costGbp     from the CDR, else per second from the price (0 for unanswered calls)
 */
public record PricedCall(String dialledE164, CallClass callClass, boolean premium, BigDecimal pricePpm,
        BigDecimal costGbp) {
}
