package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/** What the control page reads of the alerts: filtered lists with their email, counts and counts per day. */
@AlsoOnPostgreSql
@SpringBootTest
class AlertQueriesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private AlertQueries queries;

    @BeforeEach
    void givenAlertsOfTwoNumbersOverTwoDaysOneWithAnEmail() {
        TestDatabase.clear(jdbc);
        alert("a1", "CALL_RATE", "+441632960001", "{\"severity\":\"CRITICAL\"}", NOW.minus(1, ChronoUnit.HOURS));
        alert("a2", "CALL_RATE", "+441632960001", "{\"severity\":\"WARNING\"}", NOW.minus(2, ChronoUnit.HOURS));
        alert("a3", "CALL_RATE", "+441632960002", "{\"severity\":\"CRITICAL\"}", NOW.minus(3, ChronoUnit.HOURS));
        alert("a4", "NEW_IP", "+441632960001", "{\"source_ip\":\"192.0.2.1\"}", NOW.minus(30, ChronoUnit.HOURS));
        jdbc.update("INSERT INTO email_outbox (id, message_id, alert_type, number, recipients, subject, status,"
                + " created_at, sent_at) VALUES (77, 'm1', 'NEW_IP', '+441632960001', 'ops@acme.example',"
                + " 'New address', 'SENT', ?, ?)", Timestamp.from(NOW), Timestamp.from(NOW));
        jdbc.update("INSERT INTO email_body (email_id, body) VALUES (77, 'Hello')");
        jdbc.update("INSERT INTO alert_email (alert_id, email_id, composed_at) SELECT id, 77, ? FROM alert"
                + " WHERE alert_key = 'a4'", Timestamp.from(NOW));
    }

    @Test
    void countsOfTheLastDayAreByTypeAndSeverityTheMostFrequentFirst() {
        assertThat(queries.countsByTypeAndSeverity(NOW.minus(24, ChronoUnit.HOURS))).containsExactly(
                new AlertQueries.TypeCount("CALL_RATE", "CRITICAL", 2),
                new AlertQueries.TypeCount("CALL_RATE", "WARNING", 1));
    }

    @Test
    void theNumbersMostAlertedComeFirst() {
        assertThat(queries.topNumbers(NOW.minus(48, ChronoUnit.HOURS), 10)).containsExactly(
                new AlertQueries.NumberCount("+441632960001", 3), new AlertQueries.NumberCount("+441632960002", 1));
    }

    @Test
    void alertsPerDayAreCountedByTypeOnTheDaysOfTheTimeZone() {
        assertThat(queries.perDayByType(NOW.minus(7, ChronoUnit.DAYS), LONDON)).containsExactly(
                Map.entry(LocalDate.of(2026, 11, 28), Map.of("NEW_IP", 1L)),
                Map.entry(LocalDate.of(2026, 11, 29), Map.of("CALL_RATE", 3L)));
    }

    @Test
    void theListIsFilteredNewestFirstAndCarriesTheEmail() {
        var byNumber = queries.list(new AlertFilter(null, "+441632960001", null, null), 10);
        var byTypeAndTime = queries.list(new AlertFilter("CALL_RATE", null, NOW.minus(150, ChronoUnit.MINUTES),
                NOW.minus(90, ChronoUnit.MINUTES)), 10);

        assertThat(byNumber).extracting(ListedAlert::type).containsExactly("CALL_RATE", "CALL_RATE", "NEW_IP");
        assertThat(byNumber.get(0).severity()).contains("CRITICAL");
        assertThat(byNumber.get(0).withoutEmail()).isEqualTo("not written yet");
        assertThat(byNumber.get(2).email()).get().extracting(ListedAlert.Email::recipients, ListedAlert.Email::status,
                ListedAlert.Email::body).containsExactly("ops@acme.example", "SENT", "Hello");
        assertThat(byTypeAndTime).extracting(ListedAlert::number).containsExactly("+441632960001");
        assertThat(queries.types()).containsExactly("CALL_RATE", "NEW_IP");
    }

    private void alert(String key, String type, String number, String facts, Instant createdAt) {
        jdbc.update("INSERT INTO alert (alert_key, alert_type, number, rule_name, ruleset_version, facts, created_at)"
                + " VALUES (?, ?, ?, 'rule', 'v1', ?, ?)", key, type, number, facts, Timestamp.from(createdAt));
    }
}
