package org.voipguard.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/** The dialect of the database under test, run against that database's real tables. */
@AlsoOnPostgreSql
@SpringBootTest
class SqlDialectTest {

    private static final List<String> FILE_COLUMNS = List.of("kind", "sha256", "path", "import_id", "imported_at");
    private static final List<String> SPEND_COLUMNS =
            List.of("number", "billing_month", "spend_gbp", "late_charges_gbp", "last_import_id");

    @Autowired
    private SqlDialect dialect;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.clear(jdbc);
    }

    @Test
    void insertIfAbsentCountsOnlyTheRowsItInserted() {
        String sql = dialect.insertIfAbsent("imported_file", FILE_COLUMNS, List.of("kind", "sha256"));
        OffsetDateTime now = OffsetDateTime.now();

        int first = jdbc.update(sql, "CDR", "aa11", "/in/first.csv", 1L, now);
        int again = jdbc.update(sql, "CDR", "aa11", "/in/second.csv", 2L, now);
        int otherKind = jdbc.update(sql, "REGISTRATION", "aa11", "/in/third.csv", 3L, now);

        assertThat(List.of(first, again, otherKind)).containsExactly(1, 0, 1);
        assertThat(jdbc.queryForObject("SELECT path FROM imported_file WHERE kind = 'CDR'", String.class))
                .isEqualTo("/in/first.csv");
    }

    @Test
    void insertIfAbsentInABatchReportsEachRow() {
        String sql = dialect.insertIfAbsent("imported_file", FILE_COLUMNS, List.of("kind", "sha256"));
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.update(sql, "CDR", "bb22", "/in/known.csv", 1L, now);

        int[] counts = jdbc.batchUpdate(sql, List.of(
                new Object[] {"CDR", "cc33", "/in/new.csv", 2L, now},
                new Object[] {"CDR", "bb22", "/in/known-again.csv", 2L, now},
                new Object[] {"CDR", "dd44", "/in/also-new.csv", 2L, now}));

        assertThat(counts).containsExactly(1, 0, 1);
    }

    @Test
    void insertOrAddInsertsThenAddsTheAddedColumnsAndSetsTheOthers() {
        String sql = dialect.insertOrAdd("monthly_spend", SPEND_COLUMNS, List.of("number", "billing_month"),
                List.of("spend_gbp", "late_charges_gbp"));

        jdbc.update(sql, "+441632960001", "2025-03", new BigDecimal("1.2500"), BigDecimal.ZERO, 7L);
        jdbc.update(sql, "+441632960001", "2025-03", new BigDecimal("0.7500"), new BigDecimal("0.7500"), 8L);
        jdbc.update(sql, "+441632960001", "2025-04", new BigDecimal("3.0000"), BigDecimal.ZERO, 8L);

        Map<String, Object> march = jdbc.queryForMap("SELECT spend_gbp, late_charges_gbp, warned_multiple,"
                + " last_import_id FROM monthly_spend WHERE number = '+441632960001' AND billing_month = '2025-03'");
        assertThat((BigDecimal) march.get("spend_gbp")).isEqualByComparingTo("2.00");
        assertThat((BigDecimal) march.get("late_charges_gbp")).isEqualByComparingTo("0.75");
        assertThat(((Number) march.get("warned_multiple")).intValue()).isZero();
        assertThat(((Number) march.get("last_import_id")).longValue()).isEqualTo(8L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_spend", Integer.class)).isEqualTo(2);
    }

    @Test
    void anotherDatabaseIsRefusedByName() {
        assertThatThrownBy(() -> DatabaseProduct.named("MySQL"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MySQL");
    }
}
