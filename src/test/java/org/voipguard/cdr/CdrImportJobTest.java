package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.CDR_HEADER;
import static org.voipguard.support.ImportFixtures.call;
import static org.voipguard.support.ImportFixtures.csv;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.FileImportResult;
import org.voipguard.imports.ImportJobParameters;
import org.voipguard.imports.ImportedFiles;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

@AlsoOnPostgreSql
@SpringBootTest(properties = {"voipguard.chunk-size=2", "voipguard.max-rejected-share=0.5"})
@SpringBatchTest
class CdrImportJobTest {

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
    @Autowired
    private VoipGuardProperties properties;
    @TempDir
    private Path dir;

    @BeforeEach
    void givenTwoNumbers() {
        jobs.setJob(cdrImportJob);
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@example.com", "accounts@example.org");
        givenNumber(jdbc, BOB, "bob@example.com", null);
    }

    @Test
    void importsGoodLinesAndRejectsBadOnesWithLineAndField() throws Exception {
        Path file = csv(dir, "cdrs.csv", CDR_HEADER,
                call("c1", ALICE, "2026-11-02T10:00:00Z", "01632960999", "1", "0.01"),
                call("c2", ALICE, "2026-11-02T10:05:00Z", "07700900123", "8", "0.08"),
                "c3,+441632960001,OUT,not-a-date,60,01632960999,,,200",
                call("c4", BOB, "2026-11-02T11:00:00Z", "+12025550143", "1.5", "0.015"),
                "c5,+441632960002,OUT,2026-11-02T11:00:00Z,-60,01632960999,,,200");

        JobExecution execution = jobs.startJob(parameters(file));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM cdr")).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT line_number || ':' || field FROM rejected_line ORDER BY line_number",
                String.class)).containsExactly("4:start_time", "6:duration_s");
        Path rejects = properties.rejectsDir().resolve("cdrs.csv.rejects.csv");
        assertThat(Files.readAllLines(rejects)).hasSize(3).first().isEqualTo("line,field,reason,raw");
        assertThat(spend(ALICE, "2026-11")).isEqualByComparingTo("0.09");
        assertThat(spend(BOB, "2026-11")).isEqualByComparingTo("0.015");
    }

    @Test
    void anImportPastTheRejectedShareFailsButKeepsItsGoodLines() {
        Path file = csv(dir, "mostly-bad.csv", CDR_HEADER,
                call("c1", ALICE, "2026-11-02T10:00:00Z", "01632960999", "1", "0.01"),
                "c2,+441632960001,OUT,yesterday,60,01632960999,,,200",
                "garbage",
                "c4,+441632960001,SIDEWAYS,2026-11-02T10:00:00Z,60,01632960999,,,200");

        FileImportResult result = importer.importFile(file);

        assertThat(result.status()).isEqualTo(FileImportResult.Status.FAILED);
        assertThat(result.message()).contains("3 of 4 records rejected", "max-rejected-share");
        assertThat(count("SELECT COUNT(*) FROM cdr")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM imported_file")).isZero();
    }

    @Test
    void theSameFileImportedTwiceCountsOnce() {
        Path file = csv(dir, "cdrs.csv", CDR_HEADER, call("c1", ALICE, "2026-11-02T10:00:00Z", "01632960999", "1", "5.00"));

        FileImportResult first = importer.importFile(file);
        FileImportResult second = importer.importFile(file);

        assertThat(first.status()).isEqualTo(FileImportResult.Status.IMPORTED);
        assertThat(first.imported()).isEqualTo(1);
        assertThat(second.status()).isEqualTo(FileImportResult.Status.ALREADY_IMPORTED);
        assertThat(spend(ALICE, "2026-11")).isEqualByComparingTo("5.00");
    }

    @Test
    void theSameCallIdInAnotherFileCountsOnce() {
        importer.importFile(csv(dir, "a.csv", CDR_HEADER, call("c1", ALICE, "2026-11-02T10:00:00Z", "01632960999", "1", "5.00")));

        FileImportResult result = importer.importFile(csv(dir, "b.csv", CDR_HEADER,
                call("c1", ALICE, "2026-11-02T10:00:00Z", "01632960999", "1", "5.00"),
                call("c2", ALICE, "2026-11-02T10:10:00Z", "01632960999", "1", "1.00")));

        assertThat(result.imported()).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(spend(ALICE, "2026-11")).isEqualByComparingTo("6.00");
    }

    @Test
    void crossingTenThenTwentyInTwoFilesSendsTwoWarnings() {
        importer.importFile(csv(dir, "a.csv", CDR_HEADER, call("c1", ALICE, "2026-11-02T10:00:00Z", "07700900123", "8", "10.50")));
        importer.importFile(csv(dir, "b.csv", CDR_HEADER, call("c2", ALICE, "2026-11-03T10:00:00Z", "07700900123", "8", "10.00")));

        assertThat(billWarningLevels(ALICE)).containsExactly("10.00", "20.00");
    }

    @Test
    void aJumpFrom9To31SendsOneWarningNaming30() {
        importer.importFile(csv(dir, "a.csv", CDR_HEADER, call("c1", ALICE, "2026-11-02T10:00:00Z", "07700900123", "8", "9.00")));
        assertThat(billWarningLevels(ALICE)).isEmpty();

        importer.importFile(csv(dir, "b.csv", CDR_HEADER,
                call("c2", ALICE, "2026-11-03T10:00:00Z", "07700900123", "8", "12.00"),
                call("c3", ALICE, "2026-11-03T11:00:00Z", "07700900123", "8", "10.00")));

        assertThat(billWarningLevels(ALICE)).containsExactly("30.00");
        assertThat(rulesOf("BILL_WARNING")).containsOnly("Monthly spend reached another multiple of the warning level");
    }

    @Test
    void callsAboveThePriceLimitsRaiseOneAlertEachWithTheirRule() {
        importer.importFile(csv(dir, "a.csv", CDR_HEADER,
                call("c1", ALICE, "2026-11-02T10:00:00Z", "09098790123", "150", "1.50"),
                call("c2", ALICE, "2026-11-02T10:10:00Z", "01632960999", "20", "0.20"),
                call("c3", ALICE, "2026-11-02T10:20:00Z", "0033140000000", "3", "0.03")));

        assertThat(jdbc.queryForList("SELECT alert_key FROM alert WHERE alert_type = 'RATE_LIMIT_EXCEEDED' ORDER BY alert_key",
                String.class)).containsExactly("RATE_LIMIT_EXCEEDED:c1", "RATE_LIMIT_EXCEEDED:c3");
        assertThat(rulesOf("RATE_LIMIT_EXCEEDED")).containsExactlyInAnyOrder(
                "National call priced above the number's national limit",
                "International call priced above the number's international limit");
    }

    @Test
    void aCallWithoutAPriceIsPricedFromTheTariff() {
        importer.importFile(csv(dir, "a.csv", CDR_HEADER,
                "c1,+441632960001,OUT,2026-11-02T10:00:00Z,600,09098790123,,,200"));

        assertThat(jdbc.queryForObject("SELECT price_ppm FROM cdr WHERE call_id = 'c1'", BigDecimal.class))
                .isEqualByComparingTo("150");
        assertThat(spend(ALICE, "2026-11")).isEqualByComparingTo("15.00");
        assertThat(jdbc.queryForList("SELECT alert_type FROM alert ORDER BY alert_type", String.class))
                .containsExactly("BILL_WARNING", "RATE_LIMIT_EXCEEDED");
    }

    @Test
    void incomingCallsCostNothingAndRaiseNothing() {
        importer.importFile(csv(dir, "a.csv", CDR_HEADER,
                "c1,+441632960001,IN,2026-11-02T10:00:00Z,600,+441632960001,,,200"));

        assertThat(count("SELECT COUNT(*) FROM cdr WHERE direction = 'IN'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM alert")).isZero();
        assertThat(count("SELECT COUNT(*) FROM monthly_spend")).isZero();
    }

    private org.springframework.batch.core.job.parameters.JobParameters parameters(Path file) {
        return new JobParametersBuilder()
                .addString(ImportJobParameters.FILE, file.toAbsolutePath().toString())
                .addString(ImportJobParameters.SHA256, ImportedFiles.sha256(file))
                .toJobParameters();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private BigDecimal spend(String number, String month) {
        return jdbc.queryForObject("SELECT spend_gbp FROM monthly_spend WHERE number = ? AND billing_month = ?",
                BigDecimal.class, number, month);
    }

    private List<String> billWarningLevels(String number) {
        return jdbc.queryForList("SELECT alert_key FROM alert WHERE alert_type = 'BILL_WARNING' AND number = ? ORDER BY id",
                String.class, number).stream()
                .map(key -> new BigDecimal(key.substring(key.lastIndexOf(':') + 1)).multiply(BigDecimal.TEN)
                        .setScale(2).toPlainString())
                .toList();
    }

    private List<String> rulesOf(String type) {
        return jdbc.queryForList("SELECT rule_name FROM alert WHERE alert_type = ?", String.class, type);
    }
}
