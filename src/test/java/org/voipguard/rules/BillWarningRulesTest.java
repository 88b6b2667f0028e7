package org.voipguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.voipguard.rules.facts.MonthlySpend;

class BillWarningRulesTest {

    private static final String RULE = "Monthly spend reached another multiple of the warning level";

    @Test
    void spendBelowTheLevelWarnsNobody() {
        assertThat(evaluate(spend("9.99", 0, false)).firedRules()).isEmpty();
    }

    @Test
    void spendReachingTheLevelExactlyWarnsOnce() {
        var evaluation = evaluate(spend("10.00", 0, false));

        assertThat(evaluation.firedRules()).containsExactly(RULE);
        assertThat(evaluation.alerts().get(0).facts()).containsEntry("level_reached_gbp", "10.00");
        assertThat(evaluation.alerts().get(0).key()).isEqualTo("BILL_WARNING:+441632960001:2026-11:1");
    }

    @Test
    void aJumpFrom9To31SendsOneWarningNaming30() {
        var evaluation = evaluate(spend("31.00", 0, false));

        assertThat(evaluation.firedRules()).containsExactly(RULE);
        assertThat(evaluation.alerts()).hasSize(1);
        assertThat(evaluation.alerts().get(0).facts()).containsEntry("level_reached_gbp", "30.00");
    }

    @Test
    void aMultipleAlreadyWarnedAboutIsNotWarnedAgain() {
        assertThat(evaluate(spend("19.99", 1, false)).firedRules()).isEmpty();
        assertThat(evaluate(spend("20.00", 1, false)).alerts())
                .extracting(a -> a.facts().get("level_reached_gbp")).containsExactly("20.00");
    }

    @Test
    void lateChargesInAClosedMonthWarnNobody() {
        assertThat(evaluate(spend("50.00", 0, true)).firedRules()).isEmpty();
    }

    @Test
    void aCustomerLevelOf36Needs36() {
        var below = new MonthlySpend("+441632960001", "2026-12", new BigDecimal("35.00"), new BigDecimal("36.00"), 0, false);
        var at = new MonthlySpend("+441632960001", "2026-12", new BigDecimal("36.00"), new BigDecimal("36.00"), 0, false);

        assertThat(evaluate(below).firedRules()).isEmpty();
        assertThat(evaluate(at).firedRules()).containsExactly(RULE);
    }

    private static RuleBook.Evaluation evaluate(Object... facts) {
        return PolicyRules.shipped().trace(List.of(facts));
    }

    private static MonthlySpend spend(String gbp, int warnedMultiple, boolean closed) {
        return new MonthlySpend("+441632960001", "2026-11", new BigDecimal(gbp), new BigDecimal("10.00"),
                warnedMultiple, closed);
    }
}
