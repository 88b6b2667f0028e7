package org.voipguard.notification;

import java.util.List;

/** One email of the outbox as stored: recipients are plain addresses, type and number checked. */
public record OutboxEmail(
        long id,
        String messageId,
        String alertType,
        String number,
        List<String> recipients,
        String subject,
        String body,
        int attempts) {
}
