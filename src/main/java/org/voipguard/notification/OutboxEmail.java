package org.voipguard.notification;

import java.util.List;

import org.voipguard.thresholds.Severity;

/**
 * One email of the outbox as stored: recipients are plain addresses, type and number checked.
 * {@code severity} is the highest severity of its alerts, {@code null} when they have none.
 */
public record OutboxEmail(
        long id,
        String messageId,
        String alertType,
        String number,
        List<String> recipients,
        String subject,
        String body,
        int attempts,
        Severity severity) {

    public OutboxEmail(long id, String messageId, String alertType, String number, List<String> recipients,
            String subject, String body, int attempts) {
        this(id, messageId, alertType, number, recipients, subject, body, attempts, null);
    }
}
