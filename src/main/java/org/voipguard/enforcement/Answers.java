package org.voipguard.enforcement;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.voipguard.cdr.CallDecision;

/** The JSON bodies of the service. */
final class Answers {

    private Answers() {
    }

    record Call(String decision, String number, String dialled, String callClass, boolean premium,
            BigDecimal pricePpm, BigDecimal limitPpm, String rule, String ruleSetVersion) {

        static Call of(CallDecision d) {
            return new Call(d.allowed() ? "ALLOW" : "DENY", d.number(), d.dialledE164(), d.callClass().name(),
                    d.premium(), plain(d.pricePpm()), plain(d.limitPpm()), d.rule().orElse(null), d.ruleSetVersion());
        }
    }

    /** {@code blocklisted}: the reasons the address is on the blocklist (absent when it is not). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Registration(String decision, String number, String ip, String accessList, String blocklisted) {
    }

    record Error(String error) {
    }

    /** 150.0000 as 150, never 1.5E+2. */
    private static BigDecimal plain(BigDecimal value) {
        return new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
