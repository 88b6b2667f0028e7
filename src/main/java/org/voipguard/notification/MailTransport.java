package org.voipguard.notification;

import jakarta.mail.internet.MimeMessage;

/**
 * Where outbox emails go: {@code .eml} files in the outbox directory by default, an SMTP
 * server when {@code spring.mail.host} is set.
 */
public interface MailTransport {

    /** Hands over one finished message; it is delivered when this returns. */
    void send(OutboxEmail email, MimeMessage message) throws MailDeliveryException;

    /** Where the messages go, for the run summary: e.g. {@code outbox/} or {@code smtp://host:25}. */
    String where();
}
