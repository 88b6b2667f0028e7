package org.voipguard.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.support.AlsoOnPostgreSql;

/** The tables an import or the composer reads by key get PostgreSQL statistics as the work fills them. */
@AlsoOnPostgreSql
@SpringBootTest
class FreshStatisticsTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private FreshStatistics freshStatistics;

    @Test
    void onPostgreSqlEveryTableReadByKeyIsAnalysedWhenAStepStarts() {
        assumeThat(DatabaseProduct.of(jdbc.getDataSource())).isEqualTo(DatabaseProduct.POSTGRESQL);
        jdbc.update("INSERT INTO known_ip (number, source_ip, first_seen) VALUES ('+441632960001', '192.0.2.1',"
                + " CURRENT_TIMESTAMP)");

        freshStatistics.beforeStep(null);

        for (String table : FreshStatistics.TABLES_READ_BY_KEY) {
            assertThat(jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE relname = ?", Double.class, table))
                    .as(table).isGreaterThanOrEqualTo(0);
        }
        assertThat(jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE relname = 'known_ip'", Double.class))
                .isEqualTo(1);
        jdbc.update("DELETE FROM known_ip");
    }

    @Test
    void workDonePageByPageHasItsTablesAnalysedWhenItStartsAndAfterPagesOneTwoFourAndSoOn() {
        assumeThat(DatabaseProduct.of(jdbc.getDataSource())).isEqualTo(DatabaseProduct.POSTGRESQL);
        jdbc.update("DELETE FROM known_ip");

        FreshStatistics.Schedule schedule = freshStatistics.startedFor(List.of("known_ip"));
        assertThat(analysedRowsOfKnownIp()).as("at the start").isZero();
        knownIps(1);
        schedule.pageDone();
        assertThat(analysedRowsOfKnownIp()).as("after page 1").isEqualTo(1);
        knownIps(2);
        schedule.pageDone();
        assertThat(analysedRowsOfKnownIp()).as("after page 2").isEqualTo(2);
        knownIps(3);
        schedule.pageDone();
        assertThat(analysedRowsOfKnownIp()).as("after page 3: not analysed").isEqualTo(2);
        schedule.pageDone();
        assertThat(analysedRowsOfKnownIp()).as("after page 4").isEqualTo(3);
        jdbc.update("DELETE FROM known_ip");
    }

    @Test
    void aTableReadButNotChangedIsAnalysedWhenAsked() {
        assumeThat(DatabaseProduct.of(jdbc.getDataSource())).isEqualTo(DatabaseProduct.POSTGRESQL);
        jdbc.update("DELETE FROM known_ip");
        knownIps(1);
        knownIps(2);

        freshStatistics.analyze(List.of("known_ip"));

        assertThat(analysedRowsOfKnownIp()).isEqualTo(2);
        jdbc.update("DELETE FROM known_ip");
    }

    private void knownIps(int last) {
        jdbc.update("INSERT INTO known_ip (number, source_ip, first_seen) VALUES (?, ?, CURRENT_TIMESTAMP)",
                "+44163296000" + last, "192.0.2." + last);
    }

    private double analysedRowsOfKnownIp() {
        return jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE relname = 'known_ip'", Double.class);
    }
}
