package org.voipguard.notification;

import java.time.Instant;
import java.util.Map;

/**
 * An alert as stored in {@code alert}. {@code importId} is {@code null} for alerts
 * raised outside a batch job; {@code emailId} and {@code emailStatus} ({@code PENDING} or
 * {@code SENT}) are {@code null} while no email carries the alert, which is for good once
 * the alert is composed and its number has no address.
 */
public record StoredAlert(
        long id,
        String key,
        String type,
        String number,
        String ruleName,
        String ruleSetVersion,
        Map<String, String> facts,
        Instant createdAt,
        Long importId,
        Long emailId,
        String emailStatus) {
}
