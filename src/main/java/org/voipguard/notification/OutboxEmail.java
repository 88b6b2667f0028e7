package org.voipguard.notification;

import java.util.List;

import org.voipguard.thresholds.Severity;

/**
 * One email of the outbox as stored: recipients are plain addresses, type and number checked.
 * An email about an address (to the operators) has no number and names the address.
 * {@code severity} is the highest severity of its alerts, {@code null} when they have none.
 */
public record OutboxEmail(
        long id,
        String messageId,
        String alertType,
        String number,
        String address,
        List<String> recipients,
        String subject,
        String body,
        int attempts,
        Severity severity) {
}
