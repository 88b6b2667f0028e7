package org.voipguard.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Sends the pending emails of the outbox in id order. Each outcome is committed as soon as
 * it is known: a sent email is marked {@code SENT}; a failed one keeps {@code PENDING}, counts
 * the attempt and keeps the error, and is tried again by the next run. When the transport is
 * down the run stops at the first failure and leaves the rest for the next run.
 */
@Service
public class OutboxDelivery {

    static final String SENT = "SENT";
    static final int MAX_ERROR_LENGTH = 1000;
    private static final int PAGE_SIZE = 200;

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private static final String SELECT_PENDING = "SELECT id, message_id, alert_type, number, recipients, subject,"
            + " body, attempts FROM email_outbox WHERE status = 'PENDING' AND id > ? ORDER BY id LIMIT "
            + PAGE_SIZE;
    private static final String MARK_SENT = "UPDATE email_outbox SET status = 'SENT', sent_at = ?,"
            + " attempts = attempts + 1, last_error = NULL WHERE id = ? AND status = 'PENDING'";
    private static final String MARK_FAILED = "UPDATE email_outbox SET attempts = attempts + 1, last_error = ?"
            + " WHERE id = ? AND status = 'PENDING'";

    private final JdbcTemplate jdbc;
    private final OutboxMessages messages;
    private final MailTransport transport;

    public OutboxDelivery(JdbcTemplate jdbc, OutboxMessages messages, MailTransport transport) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.transport = transport;
    }

    public DeliveryReport deliverPending() {
        int sent = 0;
        int failed = 0;
        long afterId = 0;
        boolean transportDown = false;
        while (!transportDown) {
            List<OutboxEmail> page = jdbc.query(SELECT_PENDING, OutboxDelivery::outboxEmail, afterId);
            for (OutboxEmail email : page) {
                afterId = email.id();
                try {
                    deliver(email);
                    sent++;
                } catch (MailDeliveryException e) {
                    failed++;
                    markFailed(email, e);
                    if (e.transportDown()) {
                        transportDown = true;
                        break;
                    }
                }
            }
            if (page.size() < PAGE_SIZE) {
                break;
            }
        }
        Integer stillPending = jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox WHERE status = 'PENDING'",
                Integer.class);
        return new DeliveryReport(sent, failed, stillPending == null ? 0 : stillPending, transport.where());
    }

    private void deliver(OutboxEmail email) throws MailDeliveryException {
        MimeMessage message;
        try {
            message = messages.build(email);
        } catch (MessagingException e) {
            throw new MailDeliveryException(e.getMessage(), e, false);
        }
        transport.send(email, message);
        jdbc.update(MARK_SENT, OffsetDateTime.now(ZoneOffset.UTC), email.id());
    }

    private void markFailed(OutboxEmail email, MailDeliveryException failure) {
        String error = SafeText.clean(failure.getMessage() == null ? failure.toString() : failure.getMessage(),
                MAX_ERROR_LENGTH);
        log.warn("email {} ({} for {}) not sent, attempt {}: {}", email.id(), email.alertType(), email.number(),
                email.attempts() + 1, error);
        jdbc.update(MARK_FAILED, error, email.id());
    }

    private static OutboxEmail outboxEmail(ResultSet rs, int row) throws SQLException {
        List<String> recipients = Arrays.stream(rs.getString("recipients").split(","))
                .map(String::strip).filter(address -> !address.isEmpty()).toList();
        return new OutboxEmail(rs.getLong("id"), rs.getString("message_id"), rs.getString("alert_type"),
                rs.getString("number"), recipients, rs.getString("subject"), rs.getString("body"),
                rs.getInt("attempts"));
    }
}
