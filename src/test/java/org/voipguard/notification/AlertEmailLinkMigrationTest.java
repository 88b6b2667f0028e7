package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
 * Alerts composed before V90 (alert.email_id and alert.composed_at) keep their email after the
 * composition moved to alert_email, and the compose mark stops before the first alert that was
 * not composed, so the next run composes exactly that one and those after it.
 */
@AlsoOnPostgreSql
@SpringBootTest
class AlertEmailLinkMigrationTest {

    private static final String SCHEMA = "v90_upgrade";
    private static final String TABLES = '"' + SCHEMA + '"' + ".";

    @Autowired
    private DataSource dataSource;
    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void dropTheSchema() {
        SchemaMigrations.drop(jdbc, SCHEMA);
    }

    @Test
    void composedAlertsKeepTheirEmailAndTheMarkStopsBeforeTheFirstUncomposed() throws Exception {
        migrate("80");
        jdbc.update("INSERT INTO " + TABLES + "email_outbox (message_id, alert_type, number, recipients, subject,"
                + " status, attempts, created_at) VALUES ('<m@x>', 'BILL_WARNING', '+441632960001', 'a@example.com',"
                + " 's', 'SENT', 1, CURRENT_TIMESTAMP)");
        long emailId = jdbc.queryForObject("SELECT id FROM " + TABLES + "email_outbox", Long.class);
        long withEmail = alert("k1", emailId, true);
        long toNobody = alert("k2", null, true);
        long uncomposed = alert("k3", null, false);
        alert("k4", null, false);

        migrate("latest");

        assertThat(jdbc.query("SELECT alert_id, email_id FROM " + TABLES + "alert_email ORDER BY alert_id",
                (rs, i) -> Arrays.asList(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2))))
                .containsExactly(Arrays.asList(withEmail, emailId), Arrays.asList(toNobody, null));
        assertThat(jdbc.queryForObject("SELECT composed_through FROM " + TABLES + "compose_mark", Long.class))
                .isEqualTo(uncomposed - 1);
        assertThat(columnsOfAlert()).doesNotContain("email_id", "composed_at");
    }

    private long alert(String key, Long emailId, boolean composed) {
        jdbc.update("INSERT INTO " + TABLES + "alert (alert_key, alert_type, number, rule_name, ruleset_version, facts,"
                + " created_at, email_id, composed_at) VALUES (?, 'BILL_WARNING', '+441632960001', 'r', 'v', '',"
                + " CURRENT_TIMESTAMP, ?, " + (composed ? "CURRENT_TIMESTAMP" : "NULL") + ")", key, emailId);
        return jdbc.queryForObject("SELECT id FROM " + TABLES + "alert WHERE alert_key = ?", Long.class, key);
    }

    private List<String> columnsOfAlert() {
        return jdbc.queryForList("SELECT LOWER(column_name) FROM information_schema.columns"
                + " WHERE LOWER(table_schema) = ? AND LOWER(table_name) = 'alert'", String.class, SCHEMA);
    }

    private void migrate(String target) throws Exception {
        SchemaMigrations.migrate(dataSource, SCHEMA, target);
    }
}
