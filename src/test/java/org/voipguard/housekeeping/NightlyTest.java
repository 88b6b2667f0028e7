package org.voipguard.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.command.ExitCodes;
import org.voipguard.notification.AlertStore;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/** The outbox cannot be written here, so an email that is due stays pending. */
@AlsoOnPostgreSql
@SpringBootTest(properties = "voipguard.outbox-dir=/dev/null/outbox")
class NightlyTest {

    private static final String NUMBER = "+441632960001";
    private static final Instant NOW = Instant.now();
    /** Older than every default retention period (400 days for CDRs and alerts, 90 for registration events). */
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(500));
    private static final Instant LAST_WEEK = NOW.minus(Duration.ofDays(7));

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Retention retention;
    @Autowired
    AlertStore alerts;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.clear(jdbc);
    }

    @Test
    void oldCdrsGoOnlyWhenTheirMonthIsClosed() {
        jdbc.update("INSERT INTO month_close (billing_month, closed_at) VALUES ('2025-05', ?)", ts(LONG_AGO));
        givenCdr("old-closed", LONG_AGO, "2025-05");
        givenCdr("old-open", LONG_AGO, "2025-06");
        givenCdr("recent", LAST_WEEK, "2025-05");

        Retention.Removed removed = retention.apply(NOW);

        assertThat(jdbc.queryForList("SELECT call_id FROM cdr ORDER BY call_id", String.class))
                .containsExactly("old-open", "recent");
        assertThat(removed.cdrs()).isEqualTo(1);
        assertThat(removed.cdrsKeptForOpenMonths()).isEqualTo(1);
    }

    @Test
    void anOldCallWhoseChargeIsNotInTheSpendYetIsKept() {
        jdbc.update("INSERT INTO month_close (billing_month, closed_at) VALUES ('2025-05', ?)", ts(LONG_AGO));
        givenCdr("old-charged", LONG_AGO, "2025-05");
        givenCdr("old-uncharged", LONG_AGO, "2025-05");
        jdbc.update("UPDATE cdr SET charge_batch = 9 WHERE call_id = 'old-uncharged'");
        jdbc.update("INSERT INTO uncharged_batch (charge_batch, import_id) VALUES (9, 1)");

        Retention.Removed removed = retention.apply(NOW);

        assertThat(jdbc.queryForList("SELECT call_id FROM cdr", String.class)).containsExactly("old-uncharged");
        assertThat(removed.cdrs()).isEqualTo(1);
    }

    @Test
    void oldRegistrationEventsGoOnceEvaluated() {
        givenRegistrationEvent("old-accepted", LONG_AGO, "ACCEPTED");
        givenRegistrationEvent("old-pending", LONG_AGO, null);
        givenRegistrationEvent("recent", LAST_WEEK, "BLOCKED");

        Retention.Removed removed = retention.apply(NOW);

        assertThat(jdbc.queryForList("SELECT event_key FROM registration_event ORDER BY event_key", String.class))
                .containsExactly("old-pending", "recent");
        assertThat(jdbc.queryForList("SELECT outcome FROM registration_outcome", String.class)).containsExactly("BLOCKED");
        assertThat(removed.registrationEvents()).isEqualTo(1);
    }

    @Test
    void anOutcomeWhoseEventIsGoneGoesToo() {
        givenRegistrationEvent("recent", LAST_WEEK, "BLOCKED");
        jdbc.update("INSERT INTO registration_outcome (event_id, outcome)"
                + " SELECT MAX(id) + 1, 'ACCEPTED' FROM registration_event");

        retention.apply(NOW);

        assertThat(jdbc.queryForList("SELECT outcome FROM registration_outcome", String.class)).containsExactly("BLOCKED");
    }

    @Test
    void oldAlertsGoWithTheirSentEmailsButNeverWhileTheEmailIsPending() {
        long sent = givenAlert("old-sent", LONG_AGO, "SENT");
        givenAlert("old-pending", LONG_AGO, "PENDING");
        givenAlert("old-uncomposed", LONG_AGO, null);
        givenAlert("recent-sent", LAST_WEEK, "SENT");

        Retention.Removed removed = retention.apply(NOW);

        assertThat(jdbc.queryForList("SELECT alert_key FROM alert ORDER BY alert_key", String.class))
                .containsExactly("old-pending", "old-uncomposed", "recent-sent");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox WHERE id = ?", Integer.class, sent)).isZero();
        assertThat(jdbc.queryForList("SELECT a.alert_key FROM alert_email c JOIN alert a ON a.id = c.alert_id"
                + " ORDER BY a.alert_key", String.class)).containsExactly("old-pending", "recent-sent");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert_email", Integer.class)).isEqualTo(2);
        assertThat(removed.alerts()).isEqualTo(1);
        assertThat(removed.emails()).isEqualTo(1);
    }

    @Test
    void anEmailRefusedForGoodGoesWithItsAlertLikeASentOne() {
        long failed = givenAlert("old-failed", LONG_AGO, "FAILED");
        givenAlert("recent-failed", LAST_WEEK, "FAILED");

        Retention.Removed removed = retention.apply(NOW);

        assertThat(jdbc.queryForList("SELECT alert_key FROM alert", String.class)).containsExactly("recent-failed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox WHERE id = ?", Integer.class, failed)).isZero();
        assertThat(removed.emails()).isEqualTo(1);
    }

    @Test
    void nightlyDropsExpiredPhonesAppliesRetentionAndSaysSoInOneLine() {
        givenPhone("192.0.2.10", NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)));
        givenPhone("192.0.2.11", NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(55)));
        jdbc.update("INSERT INTO month_close (billing_month, closed_at) VALUES ('2025-05', ?)", ts(LONG_AGO));
        givenCdr("old-closed", LONG_AGO, "2025-05");

        int exitCode = run("nightly");

        assertThat(exitCode).as(err.toString()).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString().lines()).containsExactly("nightly: emails 0 sent, 0 failed, 0 pending (to "
                + "/dev/null/outbox/); 1 expired registered phones dropped; removed 1 CDRs, 0 registration events,"
                + " 0 alerts, 0 emails past retention");
        assertThat(jdbc.queryForList("SELECT source_ip FROM registered_phone", String.class)).containsExactly("192.0.2.11");
    }

    @Test
    void anEmailThatCannotBeDeliveredFailsTheRunAndKeepsItsAlert() {
        jdbc.update("INSERT INTO number_settings (number, login, number_email, updated_at) VALUES (?, 'acme',"
                + " 'alice@acme.example', ?)", NUMBER, ts(NOW));
        alerts.store(List.of(billWarning("old-undelivered")), null);
        jdbc.update("UPDATE alert SET created_at = ?", ts(LONG_AGO));

        int exitCode = run("nightly");

        assertThat(exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("1 failed, 1 pending");
        assertThat(jdbc.queryForList("SELECT alert_key FROM alert", String.class)).containsExactly("old-undelivered");
    }

    private void givenCdr(String callId, Instant start, String month) {
        jdbc.update("INSERT INTO cdr (call_id, number, direction, start_time, billing_month, duration_s, called,"
                + " call_class, price_ppm, cost_gbp, status, late_charge, import_id)"
                + " VALUES (?, ?, 'OUT', ?, ?, 60, '01632960999', 'NATIONAL', 1, 0.01, 200, FALSE, 1)",
                callId, NUMBER, ts(start), month);
    }

    /** An event with that outcome; none when still to be evaluated. */
    private void givenRegistrationEvent(String key, Instant time, String outcome) {
        jdbc.update("INSERT INTO registration_event (event_key, event_time, number, source_ip, auth_result,"
                + " import_id) VALUES (?, ?, ?, '192.0.2.10', 'OK', 1)", key, ts(time), NUMBER);
        if (outcome != null) {
            jdbc.update("INSERT INTO registration_outcome (event_id, outcome) SELECT id, ? FROM registration_event"
                    + " WHERE event_key = ?", outcome, key);
        }
    }

    /** An alert created at {@code created}, composed into an email with that status (null: not composed yet). */
    private long givenAlert(String key, Instant created, String emailStatus) {
        alerts.store(List.of(billWarning(key)), null);
        jdbc.update("UPDATE alert SET created_at = ? WHERE alert_key = ?", ts(created), key);
        if (emailStatus == null) {
            return 0;
        }
        jdbc.update("INSERT INTO email_outbox (message_id, alert_type, number, recipients, subject, status,"
                + " created_at) VALUES (?, 'BILL_WARNING', ?, 'alice@acme.example', 'Bill warning', ?, ?)",
                "<" + key + "@test>", NUMBER, emailStatus, ts(created));
        long emailId = jdbc.queryForObject("SELECT id FROM email_outbox WHERE message_id = ?", Long.class,
                "<" + key + "@test>");
        jdbc.update("INSERT INTO email_body (email_id, body) VALUES (?, 'body')", emailId);
        jdbc.update("INSERT INTO alert_email (alert_id, email_id, composed_at) SELECT id, ?, ? FROM alert"
                + " WHERE alert_key = ?", emailId, ts(created), key);
        return emailId;
    }

    private void givenPhone(String ip, Instant registered, Instant expires) {
        jdbc.update("INSERT INTO registered_phone (number, source_ip, source_port, transport, user_agent, registered_at,"
                + " expires_at) VALUES (?, ?, 5060, 'UDP', 'snom/1.0', ?, ?)", NUMBER, ip, ts(registered), ts(expires));
    }

    private static RaisedAlert billWarning(String key) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("month", "2025-05");
        facts.put("spend_gbp", "10.40");
        facts.put("warning_level_gbp", "10.00");
        facts.put("level_reached_gbp", "10.00");
        return new RaisedAlert("BILL_WARNING", NUMBER, key, "test rule", "test", facts);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private int run(String... args) {
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
