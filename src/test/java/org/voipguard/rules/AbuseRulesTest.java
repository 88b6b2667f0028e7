package org.voipguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.voipguard.rules.facts.AddressAuthFailures;
import org.voipguard.rules.facts.NumberAuthFailures;
import org.voipguard.rules.facts.ScannerRequests;

class AbuseRulesTest {

    private static final String AUTH_FAILURES = "Too many failed authentications from one address";
    private static final String PASSWORD_GUESSING = "Too many wrong passwords for one number";
    private static final String SCANNER = "Request from a known scanner";

    @Test
    void failuresFromOneAddressThatReachedAThresholdRaiseAuthFailuresAboutTheAddress() {
        var evaluation = evaluate(new AddressAuthFailures("203.0.113.66", 10, Duration.ofMinutes(5),
                "2026-11-02T10:00:00Z", "2026-11-02T10:01:30Z", 10, 0, "WARNING", 2,
                List.of("+441632960001", "+441632960002")));

        assertThat(evaluation.firedRules()).containsExactly(AUTH_FAILURES);
        RaisedAlert alert = evaluation.alerts().get(0);
        assertThat(alert.type()).isEqualTo("AUTH_FAILURES");
        assertThat(alert.number()).isNull();
        assertThat(alert.address()).isEqualTo("203.0.113.66");
        assertThat(alert.facts()).containsEntry("severity", "WARNING").containsEntry("failures", "10")
                .containsEntry("numbers_tried", "2").containsEntry("numbers", "+441632960001, +441632960002");
    }

    @Test
    void wrongPasswordsForOneNumberRaisePasswordGuessingAboutTheNumber() {
        var evaluation = evaluate(new NumberAuthFailures("+441632960001", 10, Duration.ofMinutes(5),
                "2026-11-02T10:00:00Z", "2026-11-02T10:01:30Z", 10, 20, "WARNING", 1, List.of("203.0.113.66")));

        assertThat(evaluation.firedRules()).containsExactly(PASSWORD_GUESSING);
        assertThat(evaluation.alerts().get(0).number()).isEqualTo("+441632960001");
        assertThat(evaluation.alerts().get(0).facts()).containsEntry("severity", "WARNING");
    }

    @Test
    void aScannersRequestRaisesScannerWithTheSeverityReached() {
        var evaluation = evaluate(new ScannerRequests("203.0.113.66", 1, Duration.ZERO, "2026-11-02T10:00:00Z",
                "2026-11-02T10:00:00Z", 0, 1, "CRITICAL", "friendly-scanner", "friendly-scanner"));

        assertThat(evaluation.firedRules()).containsExactly(SCANNER);
        assertThat(evaluation.alerts().get(0).address()).isEqualTo("203.0.113.66");
        assertThat(evaluation.alerts().get(0).facts()).containsEntry("severity", "CRITICAL");
    }

    @Test
    void theSameCountAtAnotherSeverityIsAnotherAlert() {
        var warning = evaluate(new ScannerRequests("203.0.113.66", 2, Duration.ofMinutes(10), "2026-11-02T10:00:00Z",
                "2026-11-02T10:00:01Z", 2, 4, "WARNING", "sipvicious", "sipvicious"));
        var critical = evaluate(new ScannerRequests("203.0.113.66", 2, Duration.ofMinutes(10), "2026-11-02T10:00:00Z",
                "2026-11-02T10:00:01Z", 2, 4, "CRITICAL", "sipvicious", "sipvicious"));

        assertThat(warning.alerts().get(0).key()).isNotEqualTo(critical.alerts().get(0).key());
    }

    private static RuleBook.Evaluation evaluate(Object... facts) {
        return PolicyRules.shipped().trace(List.of(facts));
    }
}
