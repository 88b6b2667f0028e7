package org.voipguard.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Sends the pending emails of the outbox in id order, a page at a time. Each step is committed
 * as soon as it is known: the page is recorded as being sent ({@code outbox_sending}: its first
 * and last id, one short row) just before it is handed to the transport, then the emails that
 * went are marked {@code SENT} in one statement and the record is removed; a failed one stays
 * {@code PENDING}, counts the attempt and keeps the error, and is tried again by the next run.
 * When the transport is down the run stops at the first failure and leaves the rest for the
 * next run. An email the server refused for good (a 5xx reply) is marked {@code FAILED} with the
 * server's words and never tried again.
 * <p>
 * A page still recorded as being sent when a run starts was being sent by a run that died. Its
 * pending emails that the transport can tell got through (their {@code .eml} file is there) are
 * marked sent; the others (SMTP cannot tell) are sent again: at least once, never lost.
 */
@Service
public class OutboxDelivery {

    static final String SENT = "SENT";
    static final int MAX_ERROR_LENGTH = 1000;
    /** Emails per page: marked SENDING together, so a run killed mid-page sends at most these again by SMTP. */
    static final int PAGE_SIZE = 500;

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private static final String EMAIL_COLUMNS = "SELECT e.id, e.message_id, e.alert_type, e.number, e.address,"
            + " e.recipients, e.subject, e.attempts, e.severity";
    /**
     * Ordered by status and id, not id alone: H2 then sees that the (status, id) index gives the
     * order and reads one page, where ORDER BY id made it read and sort every pending email (with
     * its body) for every page, so delivery slowed down as the backlog grew.
     */
    static final String SELECT_PENDING = EMAIL_COLUMNS + ", b.body FROM email_outbox e"
            + " JOIN email_body b ON b.email_id = e.id WHERE e.status = 'PENDING' AND e.id > ? ORDER BY e.status, e.id LIMIT "
            + PAGE_SIZE;
    /** The page just read is exactly the pending emails between its first and last id. */
    private static final String RECORD_PAGE_SENDING = "INSERT INTO outbox_sending (id, first_id, last_id)"
            + " VALUES (1, ?, ?)";
    private static final String SELECT_PAGE_SENDING = "SELECT first_id, last_id FROM outbox_sending WHERE id = 1";
    private static final String FORGET_PAGE_SENDING = "DELETE FROM outbox_sending WHERE id = 1";
    /** What is still pending between two ids of a page given to the transport, its failures left out, went. */
    private static final String MARK_RANGE_SENT = "UPDATE email_outbox SET status = 'SENT', sent_at = ?,"
            + " attempts = attempts + 1, last_error = NULL WHERE status = 'PENDING' AND id >= ? AND id <= ?";
    private static final String MARK_SENT = "UPDATE email_outbox SET status = 'SENT', sent_at = ?,"
            + " attempts = attempts + 1, last_error = NULL WHERE id = ? AND status = 'PENDING'";
    private static final String MARK_FAILED = "UPDATE email_outbox SET attempts = attempts + 1,"
            + " last_error = ? WHERE id = ? AND status = 'PENDING'";
    private static final String MARK_REFUSED = "UPDATE email_outbox SET status = 'FAILED', attempts = attempts + 1,"
            + " last_error = ?, failure_reason = ? WHERE id = ? AND status = 'PENDING'";
    private static final String SELECT_INTERRUPTED = EMAIL_COLUMNS + ", NULL AS body FROM email_outbox e"
            + " WHERE e.status = 'PENDING' AND e.id >= ? AND e.id <= ? ORDER BY e.status, e.id";
    private static final String NOTE_ERROR = "UPDATE email_outbox SET last_error = ?"
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
        settleInterruptedSends();
        Tally tally = new Tally();
        long afterId = 0;
        while (true) {
            List<OutboxEmail> page = jdbc.query(SELECT_PENDING, OutboxDelivery::outboxEmail, afterId);
            if (page.isEmpty()) {
                break;
            }
            afterId = page.get(page.size() - 1).id();
            if (!deliverPage(page, tally) || page.size() < PAGE_SIZE) {
                break;
            }
        }
        Integer stillPending = jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox WHERE status = 'PENDING'",
                Integer.class);
        return new DeliveryReport(tally.sent, tally.failed, stillPending == null ? 0 : stillPending, transport.where(),
                tally.refusals);
    }

    /** Delivers one page; false when the transport is down and the run should stop. */
    private boolean deliverPage(List<OutboxEmail> page, Tally tally) {
        long first = page.get(0).id();
        long last = page.get(page.size() - 1).id();
        jdbc.update(RECORD_PAGE_SENDING, first, last);
        Set<Long> notSent = new HashSet<>();
        List<MailTransport.Outgoing> outgoing = messagesOf(page, tally, notSent);
        boolean transportDown = recordFailures(outgoing, transport.sendAll(outgoing), tally, notSent);
        markSentBetween(first, last, notSent);
        jdbc.update(FORGET_PAGE_SENDING);
        return !transportDown;
    }

    /** The page's messages; an email whose message cannot be built is a failure, noted in {@code notSent}. */
    private List<MailTransport.Outgoing> messagesOf(List<OutboxEmail> page, Tally tally, Set<Long> notSent) {
        List<MailTransport.Outgoing> outgoing = new ArrayList<>(page.size());
        for (OutboxEmail email : page) {
            try {
                outgoing.add(new MailTransport.Outgoing(email, messages.build(email)));
            } catch (MessagingException e) {
                tally.failed++;
                notSent.add(email.id());
                markFailed(email, new MailDeliveryException(e.getMessage(), e, false));
            }
        }
        return outgoing;
    }

    /**
     * Records every email that did not go (failed, refused, or not tried once the transport was
     * down) and notes it in {@code notSent}; true when the transport is down.
     */
    private boolean recordFailures(List<MailTransport.Outgoing> outgoing, List<MailTransport.SendResult> results,
            Tally tally, Set<Long> notSent) {
        boolean transportDown = false;
        Set<Long> tried = new HashSet<>();
        for (MailTransport.SendResult result : results) {
            tried.add(result.email().id());
            if (result.isSent()) {
                tally.sent++;
                continue;
            }
            notSent.add(result.email().id());
            if (result.failure().refusedForGood()) {
                tally.refusals.add(markRefused(result.email(), result.failure()));
            } else {
                tally.failed++;
                markFailed(result.email(), result.failure());
                transportDown |= result.failure().transportDown();
            }
        }
        for (MailTransport.Outgoing untried : outgoing) {
            if (!tried.contains(untried.email().id())) {
                notSent.add(untried.email().id());
                jdbc.update(NOTE_ERROR, "not tried: the mail server could not be reached", untried.email().id());
            }
        }
        return transportDown;
    }

    /**
     * Marks sent what is pending from first to last but the emails not sent, one statement per
     * run of ids between them (one in all when the whole page went). The record of the page is
     * removed only after this: a run dying in between leaves only unsent emails to look for.
     */
    private void markSentBetween(long first, long last, Set<Long> notSent) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object[]> ranges = new ArrayList<>();
        long from = first;
        for (long skipped : notSent.stream().sorted().toList()) {
            if (skipped > from) {
                ranges.add(new Object[] {now, from, skipped - 1});
            }
            from = skipped + 1;
        }
        if (from <= last) {
            ranges.add(new Object[] {now, from, last});
        }
        jdbc.batchUpdate(MARK_RANGE_SENT, ranges);
    }

    /** The page a dead run was sending: its emails are sent if the transport shows they went, pending otherwise. */
    private void settleInterruptedSends() {
        List<long[]> pages = jdbc.query(SELECT_PAGE_SENDING, (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)});
        if (pages.isEmpty()) {
            return;
        }
        List<OutboxEmail> interrupted = jdbc.query(SELECT_INTERRUPTED, OutboxDelivery::outboxEmail,
                pages.get(0)[0], pages.get(0)[1]);
        Set<Long> delivered = transport.deliveredAmong(interrupted);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object[]> sent = new ArrayList<>();
        List<Object[]> again = new ArrayList<>();
        for (OutboxEmail email : interrupted) {
            if (delivered.contains(email.id())) {
                sent.add(new Object[] {now, email.id()});
            } else {
                again.add(new Object[] {"interrupted while sending; sent again", email.id()});
            }
        }
        if (!sent.isEmpty()) {
            log.warn("{} emails were delivered by a run that stopped before recording it; marked sent", sent.size());
            jdbc.batchUpdate(MARK_SENT, sent);
        }
        if (!again.isEmpty()) {
            log.warn("{} emails were being sent when a run stopped; they may have arrived, sending them again with "
                    + "the same Message-ID", again.size());
            jdbc.batchUpdate(NOTE_ERROR, again);
        }
        jdbc.update(FORGET_PAGE_SENDING);
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
        return new DeliveryReport.Refusal(email.number() != null ? email.number() : email.address(), email.alertType(),
                email.recipients(), reason);
    }

    /** What a run did so far. */
    private static final class Tally {
        private int sent;
        private int failed;
        private final List<DeliveryReport.Refusal> refusals = new ArrayList<>();
    }

    private static OutboxEmail outboxEmail(ResultSet rs, int row) throws SQLException {
        List<String> recipients = Arrays.stream(rs.getString("recipients").split(","))
                .map(String::strip).filter(address -> !address.isEmpty()).toList();
        return new OutboxEmail(rs.getLong("id"), rs.getString("message_id"), rs.getString("alert_type"),
                rs.getString("number"), rs.getString("address"), recipients, rs.getString("subject"), rs.getString("body"),
                rs.getInt("attempts"), AlertSeverity.fromStored(rs.getString("severity")).orElse(null));
    }
}
