package org.voipguard.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Sends the pending emails of the outbox in id order. Each step is committed as soon as it is
 * known: an email is marked {@code SENDING} just before it is handed to the transport, then
 * {@code SENT}; a failed one goes back to {@code PENDING}, counts the attempt and keeps the
 * error, and is tried again by the next run. When the transport is down the run stops at the
 * first failure and leaves the rest for the next run. An email the server refused for good
 * (a 5xx reply) is marked {@code FAILED} with the server's words and never tried again.
 * <p>
 * An email still {@code SENDING} when a run starts was being sent by a run that died. If the
 * transport can tell that it got through (an {@code .eml} file is there) it is marked sent;
 * otherwise (SMTP) it is sent again: at least once, never lost.
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
    private static final String MARK_SENDING = "UPDATE email_outbox SET status = 'SENDING' WHERE id = ?"
            + " AND status = 'PENDING'";
    private static final String MARK_SENT = "UPDATE email_outbox SET status = 'SENT', sent_at = ?,"
            + " attempts = attempts + 1, last_error = NULL WHERE id = ? AND status IN ('PENDING', 'SENDING')";
    private static final String MARK_FAILED = "UPDATE email_outbox SET status = 'PENDING', attempts = attempts + 1,"
            + " last_error = ? WHERE id = ? AND status IN ('PENDING', 'SENDING')";
    private static final String MARK_REFUSED = "UPDATE email_outbox SET status = 'FAILED', attempts = attempts + 1,"
            + " last_error = ?, failure_reason = ? WHERE id = ? AND status IN ('PENDING', 'SENDING')";
    private static final String SELECT_SENDING = "SELECT id, message_id, alert_type, number, recipients, subject,"
            + " body, attempts FROM email_outbox WHERE status = 'SENDING' ORDER BY id";
    private static final String BACK_TO_PENDING = "UPDATE email_outbox SET status = 'PENDING', last_error = ?"
            + " WHERE id = ? AND status = 'SENDING'";

    private final JdbcTemplate jdbc;
    private final OutboxMessages messages;
    private final MailTransport transport;

    public OutboxDelivery(JdbcTemplate jdbc, OutboxMessages messages, MailTransport transport) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.transport = transport;
    }

    public DeliveryReport deliverPending() {
        settleInterruptedSends();
        int sent = 0;
        int failed = 0;
        List<DeliveryReport.Refusal> refusals = new ArrayList<>();
        long afterId = 0;
        boolean transportDown = false;
        while (!transportDown) {
            List<OutboxEmail> page = jdbc.query(SELECT_PENDING, OutboxDelivery::outboxEmail, afterId);
            for (OutboxEmail email : page) {
                afterId = email.id();
                try {
                    if (deliver(email)) {
                        sent++;
                    }
                } catch (MailDeliveryException e) {
                    if (e.refusedForGood()) {
                        refusals.add(markRefused(email, e));
                        continue;
                    }
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
        return new DeliveryReport(sent, failed, stillPending == null ? 0 : stillPending, transport.where(), refusals);
    }

    private boolean deliver(OutboxEmail email) throws MailDeliveryException {
        MimeMessage message;
        try {
            message = messages.build(email);
        } catch (MessagingException e) {
            throw new MailDeliveryException(e.getMessage(), e, false);
        }
        if (jdbc.update(MARK_SENDING, email.id()) == 0) {
            return false;
        }
        transport.send(email, message);
        jdbc.update(MARK_SENT, OffsetDateTime.now(ZoneOffset.UTC), email.id());
        return true;
    }

    /** Emails a dead run left {@code SENDING}: sent if the transport shows they got through, pending otherwise. */
    private void settleInterruptedSends() {
        for (OutboxEmail email : jdbc.query(SELECT_SENDING, OutboxDelivery::outboxEmail)) {
            if (transport.delivered(email)) {
                log.warn("email {} ({} for {}) was delivered by a run that stopped before recording it; marked sent",
                        email.id(), email.alertType(), email.number());
                jdbc.update(MARK_SENT, OffsetDateTime.now(ZoneOffset.UTC), email.id());
            } else {
                log.warn("email {} ({} for {}) was being sent when a run stopped; it may have arrived, sending it "
                        + "again with the same Message-ID", email.id(), email.alertType(), email.number());
                jdbc.update(BACK_TO_PENDING, "interrupted while sending; sent again", email.id());
            }
        }
    }

    private void markFailed(OutboxEmail email, MailDeliveryException failure) {
        String error = SafeText.clean(failure.getMessage() == null ? failure.toString() : failure.getMessage(),
                MAX_ERROR_LENGTH);
        log.warn("email {} ({} for {}) not sent, attempt {}: {}", email.id(), email.alertType(), email.number(),
                email.attempts() + 1, error);
        jdbc.update(MARK_FAILED, error, email.id());
    }

    private DeliveryReport.Refusal markRefused(OutboxEmail email, MailDeliveryException refusal) {
        String reason = SafeText.clean(refusal.getMessage(), MAX_ERROR_LENGTH);
        log.warn("email {} ({} for {}) refused for good by the mail server, not sent again: {}", email.id(),
                email.alertType(), email.number(), reason);
        jdbc.update(MARK_REFUSED, reason, reason, email.id());
        return new DeliveryReport.Refusal(email.number(), email.alertType(), email.recipients(), reason);
    }

    private static OutboxEmail outboxEmail(ResultSet rs, int row) throws SQLException {
        List<String> recipients = Arrays.stream(rs.getString("recipients").split(","))
                .map(String::strip).filter(address -> !address.isEmpty()).toList();
        return new OutboxEmail(rs.getLong("id"), rs.getString("message_id"), rs.getString("alert_type"),
                rs.getString("number"), recipients, rs.getString("subject"), rs.getString("body"),
                rs.getInt("attempts"));
    }
}
