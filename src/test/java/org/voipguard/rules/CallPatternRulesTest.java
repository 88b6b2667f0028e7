package org.voipguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.voipguard.rules.facts.CallPattern;

class CallPatternRulesTest {

    private static final String ALICE = "+441632960001";

    @Test
    void aCriticalBurstRaisesOneCallRateAlertCarryingItsSeverity() {
        var evaluation = PolicyRules.shipped().trace(List.of(window("CALL_RATE", "CRITICAL", 40)));

        assertThat(evaluation.firedRules()).containsExactly("Too many calls started within a minute");
        RaisedAlert alert = evaluation.alerts().get(0);
        assertThat(alert.type()).isEqualTo("CALL_RATE");
        assertThat(alert.key()).isEqualTo("CALL_RATE:+441632960001:burst:any:c-1:CRITICAL");
        assertThat(alert.facts()).containsEntry("severity", "CRITICAL").containsEntry("calls", "40")
                .containsEntry("warning_at", "15").containsEntry("critical_at", "30");
    }

    @Test
    void eachCheckHasARuleOfItsOwn() {
        var evaluation = PolicyRules.shipped().trace(List.of(window("CONCURRENT_CALLS", "WARNING", 5),
                window("SEQUENTIAL_CALLS", "WARNING", 10), window("LONG_CALL", "CRITICAL", 480),
                window("DAILY_CALLS", "WARNING", 200)));

        assertThat(evaluation.firedRules()).containsExactlyInAnyOrder("Too many calls at the same time",
                "Too many calls in a row to the same number", "A call lasted too long", "Too many calls in one day");
        assertThat(evaluation.alerts()).extracting(RaisedAlert::type)
                .containsExactlyInAnyOrder("CONCURRENT_CALLS", "SEQUENTIAL_CALLS", "LONG_CALL", "DAILY_CALLS");
        assertThat(evaluation.alerts()).filteredOn(alert -> alert.type().equals("LONG_CALL"))
                .allSatisfy(alert -> assertThat(alert.facts()).containsEntry("minutes", "480"));
    }

    @Test
    void aWindowOfAnotherCheckRaisesNothing() {
        var evaluation = PolicyRules.shipped().trace(List.of(window("AUTH_FAILURES", "WARNING", 12)));

        assertThat(evaluation.firedRules()).isEmpty();
    }

    private static CallPattern window(String check, String severity, long count) {
        return new CallPattern(check, ALICE, severity, count, 15, 30, "default", "", "calls started within 60s",
                "2026-11-04T10:00Z", "2026-11-04T10:00:39Z", "", "burst:any:c-1");
    }
}
