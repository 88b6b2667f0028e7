package org.voipguard.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

/**
 * Where outbox emails go: {@code .eml} files in the outbox directory by default, an SMTP
 * server when {@code spring.mail.host} is set.
 */
public interface MailTransport {

    /** Hands over one finished message; it is delivered when this returns. */
    void send(OutboxEmail email, MimeMessage message) throws MailDeliveryException;

    /**
     * Hands over a page of finished messages and says what became of each one it tried, in any
     * order. Once the transport is down it stops: the messages it did not try are not in the result.
     */
    default List<SendResult> sendAll(List<Outgoing> page) {
        return eachInTurn(page, this::send);
    }

    /** Hands over one message of a page. */
    @FunctionalInterface
    interface Sender {
        void send(OutboxEmail email, MimeMessage message) throws MailDeliveryException;
    }

    /** {@link #sendAll} one message after the other with {@code sender}, stopping once the transport is down. */
    static List<SendResult> eachInTurn(List<Outgoing> page, Sender sender) {
        List<SendResult> results = new ArrayList<>(page.size());
        for (Outgoing outgoing : page) {
            try {
                sender.send(outgoing.email(), outgoing.message());
                results.add(SendResult.sent(outgoing.email()));
            } catch (MailDeliveryException e) {
                results.add(SendResult.failed(outgoing.email(), e));
                if (e.transportDown()) {
                    break;
                }
            }
        }
        return results;
    }

    /**
     * The ids of the emails, among those an earlier run was sending when it died, that got
     * through. Empty when the transport cannot tell (SMTP): those emails are then sent again.
     */
    default Set<Long> deliveredAmong(List<OutboxEmail> interrupted) {
        return Set.of();
    }

    /** Where the messages go, for the run summary: e.g. {@code outbox/} or {@code smtp://host:25}. */
    String where();

    /** A message ready to go, with the email it was built from. */
    record Outgoing(OutboxEmail email, MimeMessage message) {
    }

    /** What became of one message: sent when {@code failure} is {@code null}. */
    record SendResult(OutboxEmail email, MailDeliveryException failure) {

        static SendResult sent(OutboxEmail email) {
            return new SendResult(email, null);
        }

        static SendResult failed(OutboxEmail email, MailDeliveryException failure) {
            return new SendResult(email, failure);
        }

        boolean isSent() {
            return failure == null;
        }
    }
}
