package org.voipguard.notification;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.numbers.NumberOverview;

/** The emails of a number that the mail server refused for good: its customer's alerts reach nobody. */
@Repository
public class RefusedEmails {

    private final JdbcTemplate jdbc;

    public RefusedEmails(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest refused emails of a number, newest first. */
    public List<NumberOverview.FailedEmail> latest(String number, int limit) {
        return jdbc.query("SELECT created_at, alert_type, recipients, failure_reason FROM email_outbox"
                + " WHERE number = ? AND status = 'FAILED' ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new NumberOverview.FailedEmail(rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("alert_type"), rs.getString("recipients"), rs.getString("failure_reason")),
                number);
    }
}
