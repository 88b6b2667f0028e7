package org.voipguard.cdr;

import java.math.BigDecimal;
import java.util.Optional;

import org.voipguard.billing.CallClass;

/**
 * The P1 answer for one call before it is placed.
 *
 * @param allowed        false when a rule raised an alert for the call
 * @param number         the calling number, E.164
 * @param dialledE164    the dialled number in E.164 form
 * @param pricePpm       pence per minute, given or from the tariff
 * @param limitPpm       the number's limit for the call's class
 * @param rule           the rule that refused the call; empty when allowed
 * @param ruleSetVersion the version of the rule set that decided
 */
public record CallDecision(boolean allowed, String number, String dialledE164, CallClass callClass, boolean premium,
        BigDecimal pricePpm, BigDecimal limitPpm, Optional<String> rule, String ruleSetVersion) {
}
