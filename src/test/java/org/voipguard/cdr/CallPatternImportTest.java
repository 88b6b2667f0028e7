package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.CDR_HEADER;
import static org.voipguard.support.ImportFixtures.csv;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.imports.FileImportResult;
import org.voipguard.imports.ImportJobParameters;
import org.voipguard.imports.ImportedFiles;
import org.voipguard.notification.AlertFacts;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/** The call-pattern checks in the real CDR import, with the shipped rules and thresholds. */
@AlsoOnPostgreSql
@SpringBootTest
@SpringBatchTest
class CallPatternImportTest {

    private static final String ALICE = "+441632960001";
    private static final String BOB = "+441632960002";

    @Autowired
    private JobOperatorTestUtils jobs;
    @Autowired
    @Qualifier("cdrImportJob")
    private Job cdrImportJob;
    @Autowired
    private CdrImporter importer;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    @BeforeEach
    void givenTwoNumbers() {
        jobs.setJob(cdrImportJob);
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@example.com", null);
        givenNumber(jdbc, BOB, "bob@example.com", null);
    }

    @Test
    void aBurstOf40CallsInOneMinuteRaisesOneCriticalCallRateAlertAndReimportingItRaisesNothing() throws Exception {
        List<String> burst = burst(ALICE, "b", 40, "2026-11-04T10:00:00Z");

        JobExecution execution = jobs.startJob(parameters(csv(dir, "burst.csv", CDR_HEADER, lines(burst))));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(alerts()).containsExactly("CALL_RATE CRITICAL +441632960001");
        assertThat(AlertFacts.decode(jdbc.queryForObject("SELECT facts FROM alert", String.class)))
                .containsEntry("calls", "40").containsEntry("critical_at", "30")
                .containsEntry("first_call", "2026-11-04T10:00Z");

        Collections.reverse(burst);
        FileImportResult again = importer.importFile(csv(dir, "burst-again.csv", CDR_HEADER, lines(burst)));

        assertThat(again.duplicates()).isEqualTo(40);
        assertThat(alerts()).containsExactly("CALL_RATE CRITICAL +441632960001");
    }

    @Test
    void aBurstThatGoesOnInTheNextFileClimbsFromWarningToCriticalOnce() {
        List<String> burst = burst(ALICE, "b", 40, "2026-11-04T23:59:00Z");

        importer.importFile(csv(dir, "first.csv", CDR_HEADER, lines(burst.subList(0, 20))));
        importer.importFile(csv(dir, "second.csv", CDR_HEADER, lines(burst.subList(20, 40))));
        importer.importFile(csv(dir, "late.csv", CDR_HEADER, lines(burst(ALICE, "late", 5, "2026-11-04T23:59:45Z"))));

        assertThat(alerts()).containsExactly("CALL_RATE WARNING +441632960001", "CALL_RATE CRITICAL +441632960001");
        assertThat(jdbc.queryForList("SELECT alert_key FROM alert ORDER BY id", String.class)).containsExactly(
                "CALL_RATE:+441632960001:burst:any:b-1:WARNING", "CALL_RATE:+441632960001:burst:any:b-1:CRITICAL");
    }

    @Test
    void eachNumberIsCountedWithItsOwnProfile() {
        jdbc.update("UPDATE number_settings SET threshold_profile = 'call-centre' WHERE number = ?", BOB);
        List<String> calls = new ArrayList<>(burst(ALICE, "a", 40, "2026-11-04T10:00:00Z"));
        calls.addAll(burst(BOB, "b", 40, "2026-11-04T10:00:00Z"));

        importer.importFile(csv(dir, "two-bursts.csv", CDR_HEADER, lines(calls)));

        assertThat(alerts()).containsExactly("CALL_RATE CRITICAL +441632960001");
    }

    @Test
    void aLongCallAndCallsInARowAreFoundAcrossImports() {
        importer.importFile(csv(dir, "a.csv", CDR_HEADER,
                "long,+441632960002,OUT,2026-11-04T01:00:00Z,28800,01632960999,1,,200",
                "s1,+441632960001,OUT,2026-11-04T09:00:00Z,30,01632960555,1,,200"));
        List<String> more = new ArrayList<>();
        for (int i = 2; i <= 10; i++) {
            more.add("s%d,+441632960001,OUT,2026-11-04T%02d:00:00Z,30,01632960555,1,,200".formatted(i, 8 + i));
        }
        importer.importFile(csv(dir, "b.csv", CDR_HEADER, lines(more)));

        assertThat(alerts()).containsExactlyInAnyOrder("LONG_CALL CRITICAL +441632960002",
                "SEQUENTIAL_CALLS WARNING +441632960001");
    }

    /** Calls a second apart, each a second long, each to another number: only their rate stands out. */
    static List<String> burst(String number, String idPrefix, int calls, String from) {
        Instant start = Instant.parse(from);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            lines.add(String.join(",", idPrefix + "-" + (i + 1), number, "OUT", start.plusSeconds(i).toString(), "1",
                    "0163296%04d".formatted(1000 + i), "1", "", "200"));
        }
        return lines;
    }

    private static String[] lines(List<String> lines) {
        return lines.toArray(String[]::new);
    }

    private List<String> alerts() {
        return jdbc.query("SELECT alert_type, facts, number FROM alert ORDER BY id", (rs, row) -> rs.getString(1) + " "
                + AlertFacts.decode(rs.getString(2)).get("severity") + " " + rs.getString(3));
    }

    private org.springframework.batch.core.job.parameters.JobParameters parameters(Path file) {
        return new JobParametersBuilder()
                .addString(ImportJobParameters.FILE, file.toAbsolutePath().toString())
                .addString(ImportJobParameters.SHA256, ImportedFiles.sha256(file))
                .toJobParameters();
    }
}
