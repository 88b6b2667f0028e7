package org.voipguard.notification;

import jakarta.mail.internet.MimeMessage;

/**
 * Where outbox emails go: {@code .eml} files in the outbox directory by default, an SMTP
 * server when {@code spring.mail.host} is set.
 */
public interface MailTransport {

    /** Hands over one finished message; it is delivered when this returns. */
    void send(OutboxEmail email, MimeMessage message) throws MailDeliveryException;

    /**
     * Whether an earlier attempt to send this email, cut short by a dead process, got through.
     * False when the transport cannot tell (SMTP): the email is then sent again.
     */
    default boolean delivered(OutboxEmail email) {
        return false;
    }

    /** Where the messages go, for the run summary: e.g. {@code outbox/} or {@code smtp://host:25}. */
    String where();
}
