package org.voipguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.voipguard.rules.facts.RegistrationAttempt;

class RegistrationRulesTest {

    private static final String LOCKDOWN = "Correct password used from an address outside the access list";
    private static final String NEW_BOTH = "New address and new User-Agent";
    private static final String NEW_IP = "New address with a known User-Agent";
    private static final String NEW_AGENT = "New User-Agent from a known address";
    private static final String NEW_AGENT_ONLY_MODE = "New User-Agent when only User-Agents are watched";

    @Test
    void correctPasswordFromOutsideTheAccessListIsBlockedAndWarned() {
        var attempt = attempt("OK", false, false, true, true, "NEW_IP_OR_AGENT", false);

        var evaluation = evaluate(attempt);

        assertThat(evaluation.firedRules()).containsExactly(LOCKDOWN);
        assertThat(evaluation.alerts().get(0).type()).isEqualTo("LOCKDOWN_BLOCKED");
    }

    @Test
    void lockdownIsWarnedWhateverTheNotificationMode() {
        assertThat(evaluate(attempt("OK", false, false, true, true, "NONE", false)).firedRules()).containsExactly(LOCKDOWN);
    }

    @Test
    void aWrongPasswordFromOutsideTheAccessListRaisesNothing() {
        assertThat(evaluate(attempt("BAD_PASSWORD", false, false, true, true, "NEW_IP_OR_AGENT", false)).firedRules()).isEmpty();
        assertThat(evaluate(attempt("UNKNOWN_USER", false, false, true, true, "NEW_IP_OR_AGENT", false)).firedRules()).isEmpty();
    }

    @Test
    void aSecondLockdownWarningWithin24HoursIsNotRaised() {
        assertThat(evaluate(attempt("OK", false, false, true, true, "NEW_IP_OR_AGENT", true)).firedRules()).isEmpty();
    }

    @Test
    void theFirstRegistrationIsNewOnBothCounts() {
        var evaluation = evaluate(attempt("OK", true, true, true, true, "NEW_IP_OR_AGENT", false));

        assertThat(evaluation.firedRules()).containsExactly(NEW_BOTH);
        assertThat(evaluation.alerts().get(0).type()).isEqualTo("NEW_IP_AND_USER_AGENT");
    }

    @Test
    void underNewIpOrAgentANewAddressAloneIsReported() {
        assertThat(evaluate(attempt("OK", true, true, true, false, "NEW_IP_OR_AGENT", false)).firedRules())
                .containsExactly(NEW_IP);
    }

    @Test
    void underNewIpOrAgentANewUserAgentAloneIsReported() {
        assertThat(evaluate(attempt("OK", true, true, false, true, "NEW_IP_OR_AGENT", false)).firedRules())
                .containsExactly(NEW_AGENT);
    }

    @Test
    void underNewAgentTheAddressMayChangeFreely() {
        assertThat(evaluate(attempt("OK", true, true, true, false, "NEW_AGENT", false)).firedRules()).isEmpty();
        assertThat(evaluate(attempt("OK", true, true, true, true, "NEW_AGENT", false)).firedRules())
                .containsExactly(NEW_AGENT_ONLY_MODE);
    }

    @Test
    void underNoneNothingIsReported() {
        assertThat(evaluate(attempt("OK", true, true, true, true, "NONE", false)).firedRules()).isEmpty();
    }

    @Test
    void aKnownPhoneRegisteringAgainRaisesNothing() {
        assertThat(evaluate(attempt("OK", true, true, false, false, "NEW_IP_OR_AGENT", false)).firedRules()).isEmpty();
    }

    @Test
    void aPermittedAddressOnAnAccessListIsTreatedAsAnyOtherRegistration() {
        assertThat(evaluate(attempt("OK", false, true, true, false, "NEW_IP_OR_AGENT", false)).firedRules())
                .containsExactly(NEW_IP);
    }

    private static RuleBook.Evaluation evaluate(Object... facts) {
        return PolicyRules.shipped().trace(List.of(facts));
    }

    private static RegistrationAttempt attempt(String auth, boolean listEmpty, boolean permitted, boolean newIp,
            boolean newAgent, String mode, boolean warnedRecently) {
        return new RegistrationAttempt("event-1", "+441632960002", "2026-11-02T10:00:00Z", "203.0.113.9",
                "snom300/8.7.3.25", auth, listEmpty, permitted, newIp, newAgent, mode, warnedRecently);
    }
}
