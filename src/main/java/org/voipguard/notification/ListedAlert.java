package org.voipguard.notification;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An alert as the control page lists it, with the email that carries it when there is one.
 * Facts and email text are stored as received: show them escaped.
 */
public record ListedAlert(long id, String type, String number, String ruleName, String ruleSetVersion,
        Map<String, String> facts, Instant createdAt, Optional<Email> email) {

    /** The severity a rule gave the alert in its facts ({@code severity}), if it gave one. */
    public Optional<String> severity() {
        return Optional.ofNullable(facts.get(AlertQueries.SEVERITY_FACT)).filter(s -> !s.isBlank());
    }

    /** The email of an alert: {@code PENDING}, {@code SENDING}, {@code SENT} or {@code FAILED}. */
    public record Email(String status, String recipients, String subject, Instant sentAt, String failureReason,
            String body) {
    }
}
