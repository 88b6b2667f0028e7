package org.voipguard.notification;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An alert as the control page lists it, with the email that carries it when there is one. An
 * alert is composed once: into an email, or into none when its number has no address.
 * Facts and email text are stored as received: show them escaped.
 */
public record ListedAlert(long id, String type, String number, String ruleName, String ruleSetVersion,
        Map<String, String> facts, Instant createdAt, boolean composed, Optional<Email> email) {

    /** What became of the alert's email when it has none: not written yet, or none for want of an address. */
    public String withoutEmail() {
        return composed ? "none (no address)" : "not written yet";
    }

    /** The severity a rule gave the alert in its facts ({@code severity}), if it gave one. */
    public Optional<String> severity() {
        return Optional.ofNullable(facts.get(AlertQueries.SEVERITY_FACT)).filter(s -> !s.isBlank());
    }

    /** The email of an alert: {@code PENDING}, {@code SENT} or {@code FAILED}. */
    public record Email(String status, String recipients, String subject, Instant sentAt, String failureReason,
            String body) {
    }
}
