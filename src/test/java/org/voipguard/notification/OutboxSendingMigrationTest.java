package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Emails a dead run left SENDING before V100 become pending again, and the page they were on is
 * recorded as being sent, so the next run looks for them instead of writing them a second time.
 */
@AlsoOnPostgreSql
@SpringBootTest
class OutboxSendingMigrationTest {

    private static final String SCHEMA = "v100_upgrade";
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
    void emailsLeftSendingArePendingOnARecordedPage() throws Exception {
        SchemaMigrations.migrate(dataSource, SCHEMA, "90");
        email("<1@x>", "SENT");
        long firstSending = email("<2@x>", "SENDING");
        email("<3@x>", "PENDING");
        long lastSending = email("<4@x>", "SENDING");
        email("<5@x>", "PENDING");

        SchemaMigrations.migrate(dataSource, SCHEMA, "latest");

        assertThat(jdbc.queryForList("SELECT status FROM " + TABLES + "email_outbox ORDER BY id", String.class))
                .containsExactly("SENT", "PENDING", "PENDING", "PENDING", "PENDING");
        assertThat(jdbc.queryForList("SELECT first_id, last_id FROM " + TABLES + "outbox_sending"))
                .singleElement().satisfies(page -> assertThat(List.copyOf(page.values()))
                        .containsExactly(firstSending, lastSending));
    }

    @Test
    void withNoEmailLeftSendingNoPageIsRecorded() throws Exception {
        SchemaMigrations.migrate(dataSource, SCHEMA, "90");
        email("<1@x>", "SENT");
        email("<2@x>", "PENDING");

        SchemaMigrations.migrate(dataSource, SCHEMA, "latest");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLES + "outbox_sending", Integer.class)).isZero();
    }

    private long email(String messageId, String status) {
        jdbc.update("INSERT INTO " + TABLES + "email_outbox (message_id, alert_type, number, recipients, subject,"
                + " status, attempts, created_at) VALUES (?, 'BILL_WARNING', '+441632960001', 'a@example.com', 's', ?, 0,"
                + " CURRENT_TIMESTAMP)", messageId, status);
        return jdbc.queryForObject("SELECT id FROM " + TABLES + "email_outbox WHERE message_id = ?", Long.class, messageId);
    }
}
