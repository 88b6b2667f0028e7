package org.voipguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.voipguard.rules.facts.OutgoingCall;

class PriceLimitRulesTest {

    private static final String NATIONAL_RULE = "National call priced above the number's national limit";
    private static final String INTERNATIONAL_RULE =
            "International call priced above the number's international limit";

    @Test
    void nationalCallPricedExactlyAtTheLimitIsAllowed() {
        var evaluation = evaluate(nationalCall("20.00"));

        assertThat(evaluation.firedRules()).isEmpty();
        assertThat(evaluation.alerts()).isEmpty();
    }

    @Test
    void nationalCallOnePennyOverTheLimitIsABreach() {
        var evaluation = evaluate(nationalCall("21"));

        assertThat(evaluation.firedRules()).containsExactly(NATIONAL_RULE);
        RaisedAlert alert = evaluation.alerts().get(0);
        assertThat(alert.type()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(alert.number()).isEqualTo("+441632960001");
        assertThat(alert.ruleName()).isEqualTo(NATIONAL_RULE);
        assertThat(alert.key()).isEqualTo("RATE_LIMIT_EXCEEDED:call-1");
        assertThat(alert.facts()).containsEntry("price_ppm", "21").containsEntry("limit_ppm", "20");
    }

    @Test
    void premiumRateCallAt150pIsRefusedUnderTheDefaultLimit() {
        var call = new OutgoingCall("call-9", "+441632960001", "09098790123", "+449098790123", true, true,
                new BigDecimal("150"), new BigDecimal("20"), new BigDecimal("2"), "2026-11-02T10:00:00Z");

        var evaluation = evaluate(call);

        assertThat(evaluation.firedRules()).containsExactly(NATIONAL_RULE);
        assertThat(evaluation.alerts().get(0).facts()).containsEntry("class", "national premium");
    }

    @Test
    void internationalCallAt1point5pIsAllowedAnd5pIsNot() {
        var cheap = internationalCall("call-us", "1.5");
        var dear = internationalCall("call-fr", "5");

        var evaluation = evaluate(cheap, dear);

        assertThat(evaluation.firedRules()).containsExactly(INTERNATIONAL_RULE);
        assertThat(evaluation.alerts()).extracting(RaisedAlert::key).containsExactly("RATE_LIMIT_EXCEEDED:call-fr");
    }

    @Test
    void aNationalLimitDoesNotApplyToInternationalCalls() {
        var call = new OutgoingCall("call-2", "+441632960001", "+12025550123", "+12025550123", false, false,
                new BigDecimal("10"), new BigDecimal("5"), new BigDecimal("12"), "2026-11-02T10:00:00Z");

        assertThat(evaluate(call).firedRules()).isEmpty();
    }

    @Test
    void everyAlertCarriesTheRuleSetVersion() {
        var evaluation = evaluate(nationalCall("25"));

        assertThat(evaluation.alerts().get(0).ruleSetVersion()).isEqualTo(PolicyRules.shipped().version()).hasSize(12);
    }

    private static RuleBook.Evaluation evaluate(Object... facts) {
        return PolicyRules.shipped().trace(List.of(facts));
    }

    private static OutgoingCall nationalCall(String pricePpm) {
        return new OutgoingCall("call-1", "+441632960001", "01632960999", "+441632960999", true, false,
                new BigDecimal(pricePpm), new BigDecimal("20"), new BigDecimal("2"), "2026-11-02T10:00:00Z");
    }

    private static OutgoingCall internationalCall(String callId, String pricePpm) {
        return new OutgoingCall(callId, "+441632960001", "0033140000000", "+33140000000", false, false,
                new BigDecimal(pricePpm), new BigDecimal("20"), new BigDecimal("2"), "2026-11-02T10:00:00Z");
    }
}
