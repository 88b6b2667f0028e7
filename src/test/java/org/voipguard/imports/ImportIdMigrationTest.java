package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;


import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.SchemaMigrations;

/**
 * Rows stored before V11, under columns named job_execution_id, keep their import after the
 * rename to import_id. The migrations run in a schema of their own, from an empty one up to
 * V10 and then to the end.
 */
@AlsoOnPostgreSql
@SpringBootTest
class ImportIdMigrationTest {

    private static final String SCHEMA = "v11_upgrade";
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
    void rowsStoredBeforeTheRenameKeepTheImportThatStoredThem() throws Exception {
        migrate("10");
        jdbc.update("INSERT INTO " + TABLES + "imported_file (kind, sha256, path, job_execution_id, imported_at)"
                + " VALUES ('CDR', 'ab', '/in/a.csv', 7, CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO " + TABLES + "cdr (call_id, number, direction, start_time, billing_month, duration_s,"
                + " called, call_class, price_ppm, cost_gbp, status, late_charge, job_execution_id) VALUES ('c-1',"
                + " '+441632960001', 'OUT', CURRENT_TIMESTAMP, '2026-11', 60, '+441632960999', 'NATIONAL', 3, 0.03,"
                + " 200, FALSE, 7)");
        jdbc.update("INSERT INTO " + TABLES + "monthly_spend (number, billing_month, spend_gbp, last_job_execution_id)"
                + " VALUES ('+441632960001', '2026-11', 0.03, 7)");
        jdbc.update("INSERT INTO " + TABLES + "alert (alert_key, alert_type, number, rule_name, ruleset_version, facts,"
                + " created_at, job_execution_id) VALUES ('k', 'BILL_WARNING', '+441632960001', 'r', 'v', '', "
                + " CURRENT_TIMESTAMP, 7)");

        migrate("latest");

        assertThat(importOf("imported_file", "import_id")).isEqualTo(7);
        assertThat(importOf("cdr", "import_id")).isEqualTo(7);
        assertThat(importOf("monthly_spend", "last_import_id")).isEqualTo(7);
        assertThat(importOf("alert", "import_id")).isEqualTo(7);
    }

    private long importOf(String table, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM " + TABLES + table, Long.class);
    }

    private void migrate(String target) throws Exception {
        SchemaMigrations.migrate(dataSource, SCHEMA, target);
    }
}
