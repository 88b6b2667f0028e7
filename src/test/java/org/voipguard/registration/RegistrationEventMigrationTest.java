package org.voipguard.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.SchemaMigrations;

/**
 * Registration events stored before V9 keep working after it: their keys get the new form, so
 * the same event imported after the upgrade is still recognised, and their outcomes move to
 * registration_outcome. The migrations run in a schema of their own, from an empty one up to
 * a version before V9 and then to the end.
 */
@AlsoOnPostgreSql
@SpringBootTest
class RegistrationEventMigrationTest {

    private static final String SCHEMA = "v9_upgrade";
    /** Flyway creates the schema with its name quoted, as written. */
    private static final String QUOTED_SCHEMA = '"' + SCHEMA + '"';

    @Autowired
    private DataSource dataSource;
    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void dropTheSchema() {
        SchemaMigrations.drop(jdbc, SCHEMA);
    }

    @Test
    void keysStoredBeforeTheUpgradeAreTheKeysTheSameEventsGetNow() throws Exception {
        List<RegistrationRecord> events = List.of(
                event("2026-11-02T10:15:04.999999+01:00"),
                event("2026-03-29T00:59:59Z"),
                event("2026-10-25T01:30:00-07:00"));
        migrate("7");
        for (RegistrationRecord event : events) {
            storeAsBefore(event, "ACCEPTED");
        }

        migrate("latest");

        assertThat(jdbc.queryForList("SELECT event_key FROM " + QUOTED_SCHEMA + ".registration_event ORDER BY id", String.class))
                .containsExactlyElementsOf(events.stream().map(RegistrationLineProcessor::eventKey).toList());
    }

    @Test
    void outcomesStoredBeforeTheUpgradeMoveToTheirOwnTableAndAPendingEventStaysToBeEvaluated() throws Exception {
        migrate("7");
        storeAsBefore(event("2026-11-02T10:00:00Z"), "ACCEPTED");
        storeAsBefore(event("2026-11-02T11:00:00Z"), "PENDING");
        storeAsBefore(event("2026-11-02T12:00:00Z"), "BLOCKED");

        migrate("latest");

        assertThat(jdbc.queryForList("SELECT o.outcome FROM " + QUOTED_SCHEMA + ".registration_event e LEFT JOIN "
                + QUOTED_SCHEMA + ".registration_outcome o ON o.event_id = e.id ORDER BY e.event_time", String.class))
                .containsExactly("ACCEPTED", null, "BLOCKED");
    }

    private static RegistrationRecord event(String time) {
        return new RegistrationRecord(OffsetDateTime.parse(time).toInstant(), "+441632960001", "198.51.100.20", 5060,
                "UDP", "snom300/8.7.3.25", AuthResult.OK, 3600);
    }

    /** Before V9 the key was the hash of the fields alone, what now follows the time and the dash. */
    private void storeAsBefore(RegistrationRecord event, String outcome) {
        String key = RegistrationLineProcessor.eventKey(event);
        jdbc.update("INSERT INTO " + QUOTED_SCHEMA + ".registration_event (event_key, event_time, number, source_ip, "
                + "auth_result, outcome, job_execution_id) VALUES (?, ?, ?, ?, 'OK', ?, 1)",
                key.substring(key.indexOf('-') + 1), Timestamp.from(event.time()), event.number(), event.sourceIp(),
                outcome);
    }

    private void migrate(String target) throws Exception {
        SchemaMigrations.migrate(dataSource, SCHEMA, target);
    }
}
