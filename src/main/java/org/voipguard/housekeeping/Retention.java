package org.voipguard.housekeeping;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.config.VoipGuardProperties;

/**
 * Drops stored rows older than their retention period ({@code voipguard.retention}), never
 * what is still needed: CDRs of a month that is not closed (its bill is still to be made),
 * registration events not evaluated yet, alerts not composed yet or whose email is still
 * pending, and emails an alert still points to.
 */
@Repository
public class Retention {

    private final JdbcTemplate jdbc;
    private final VoipGuardProperties.Retention periods;

    public Retention(JdbcTemplate jdbc, VoipGuardProperties properties) {
        this.jdbc = jdbc;
        this.periods = properties.retention();
    }

    /** What one pass removed, and the old CDRs it kept because their month is open. */
    public record Removed(int cdrs, int cdrsKeptForOpenMonths, int registrationEvents, int alerts, int emails) {

        /** E.g. {@code removed 120 CDRs, 40 registration events, 5 alerts, 2 emails past retention}. */
        public String summary() {
            return "removed %d CDRs, %d registration events, %d alerts, %d emails past retention%s".formatted(cdrs,
                    registrationEvents, alerts, emails, cdrsKeptForOpenMonths == 0 ? ""
                            : " (kept " + cdrsKeptForOpenMonths + " older CDRs of months not closed yet)");
        }
    }

    public Removed apply(Instant now) {
        Timestamp cdrsBefore = Timestamp.from(now.minus(periods.cdrs()));
        Timestamp eventsBefore = Timestamp.from(now.minus(periods.registrationEvents()));
        Timestamp alertsBefore = Timestamp.from(now.minus(periods.alerts()));
        int cdrs = jdbc.update("DELETE FROM cdr WHERE start_time < ?"
                + " AND billing_month IN (SELECT billing_month FROM month_close)", cdrsBefore);
        Integer kept = jdbc.queryForObject("SELECT COUNT(*) FROM cdr WHERE start_time < ?", Integer.class, cdrsBefore);
        int events = jdbc.update("DELETE FROM registration_event WHERE event_time < ?"
                + " AND EXISTS (SELECT 1 FROM registration_outcome o WHERE o.event_id = registration_event.id)",
                eventsBefore);
        int alerts = jdbc.update("DELETE FROM alert WHERE created_at < ? AND composed_at IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM email_outbox e WHERE e.id = alert.email_id AND e.status NOT IN ('SENT', 'FAILED'))",
                alertsBefore);
        int emails = jdbc.update("DELETE FROM email_outbox WHERE status IN ('SENT', 'FAILED') AND created_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM alert a WHERE a.email_id = email_outbox.id)", alertsBefore);
        return new Removed(cdrs, kept == null ? 0 : kept, events, alerts, emails);
    }
}
