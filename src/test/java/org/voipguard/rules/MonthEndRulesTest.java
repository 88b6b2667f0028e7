package org.voipguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.voipguard.rules.facts.MonthEndBill;

class MonthEndRulesTest {

    private static final String FOLLOWS_BILL =
            "A bill above the default divided by the factor raises the automatic level to factor times the bill";
    private static final String BACK_TO_DEFAULT = "A smaller bill puts the automatic level back to the default";

    @Test
    void aBillOf30SetsTheLevelTo36() {
        MonthEndBill bill = bill("30.00", false);

        assertThat(evaluate(bill).firedRules()).containsExactly(FOLLOWS_BILL);
        assertThat(bill.getNewAutoLevelGbp()).isEqualByComparingTo("36.00");
    }

    @Test
    void aBillOf5LeavesTheLevelAtTheDefault10() {
        MonthEndBill bill = bill("5.00", false);

        assertThat(evaluate(bill).firedRules()).containsExactly(BACK_TO_DEFAULT);
        assertThat(bill.getNewAutoLevelGbp()).isEqualByComparingTo("10.00");
    }

    @Test
    void aBillWhoseScaledAmountIsExactlyTheDefaultKeepsTheDefault() {
        MonthEndBill bill = bill("8.3333", false);

        assertThat(evaluate(bill).firedRules()).containsExactly(BACK_TO_DEFAULT);
        assertThat(bill.getNewAutoLevelGbp()).isEqualByComparingTo("10.00");
    }

    @Test
    void theLevelIsRoundedToThePenny() {
        MonthEndBill bill = bill("12.3456", false);

        assertThat(evaluate(bill).firedRules()).containsExactly(FOLLOWS_BILL);
        assertThat(bill.getNewAutoLevelGbp()).isEqualTo(new BigDecimal("14.81"));
    }

    @Test
    void aNumberWithoutSpendGoesBackToTheDefault() {
        MonthEndBill bill = bill("0", false);

        assertThat(evaluate(bill).firedRules()).containsExactly(BACK_TO_DEFAULT);
        assertThat(bill.getNewAutoLevelGbp()).isEqualByComparingTo("10.00");
    }

    @Test
    void aCustomerSetLevelIsLeftAlone() {
        MonthEndBill bill = bill("30.00", true);

        assertThat(evaluate(bill).firedRules()).isEmpty();
        assertThat(bill.getNewAutoLevelGbp()).isNull();
    }

    @Test
    void eachBillOfAChunkGetsItsOwnLevel() {
        MonthEndBill big = bill("100.00", false);
        MonthEndBill small = bill("1.00", false);
        MonthEndBill customer = bill("100.00", true);

        var evaluation = evaluate(big, small, customer);

        assertThat(evaluation.firedRules()).containsExactlyInAnyOrder(FOLLOWS_BILL, BACK_TO_DEFAULT);
        assertThat(big.getNewAutoLevelGbp()).isEqualByComparingTo("120.00");
        assertThat(small.getNewAutoLevelGbp()).isEqualByComparingTo("10.00");
        assertThat(customer.getNewAutoLevelGbp()).isNull();
        assertThat(evaluation.alerts()).isEmpty();
    }

    @Test
    void aRuleCannotSetALevelOfZero() {
        assertThatThrownBy(() -> bill("1.00", false).setNewAutoLevelGbp(BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above zero");
    }

    private static RuleBook.Evaluation evaluate(Object... facts) {
        return PolicyRules.shipped().trace(List.of(facts));
    }

    private static MonthEndBill bill(String gbp, boolean customerSet) {
        return new MonthEndBill("+441632960001", "2026-10", new BigDecimal(gbp), new BigDecimal("10.00"),
                new BigDecimal("1.2"), customerSet);
    }
}
