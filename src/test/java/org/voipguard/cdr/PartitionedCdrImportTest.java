package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.CDR_HEADER;
import static org.voipguard.support.ImportFixtures.call;
import static org.voipguard.support.ImportFixtures.csv;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voipguard.imports.ImportJobParameters;
import org.voipguard.imports.ImportedFiles;
import org.voipguard.imports.NumberPartition;
import org.voipguard.imports.RecordCounts;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;
import org.voipguard.support.TripwireRules;

/**
 * A CDR file imported in two parts run side by side ({@code voipguard.import-parts=2}): each
 * number's calls are handled by one part, and the import ends with exactly the calls, spend,
 * alerts, rejects and counts of an import in one part; a part that fails is restarted alone,
 * where it stopped.
 */
@AlsoOnPostgreSql
@SpringBootTest(properties = {"voipguard.chunk-size=3", "voipguard.import-parts=2", "voipguard.max-rejected-share=0.5"})
@SpringBatchTest
class PartitionedCdrImportTest {

    private static final Path RULES = Path.of("target", "partitioned-import-test-rules");
    private static final String ALICE = "+441632960001";
    private static final String BOB = "+441632960002";

    @DynamicPropertySource
    static void rulesWithATripwire(DynamicPropertyRegistry registry) throws IOException {
        TripwireRules.copyShipped(RULES, TripwireRules.RULE_FILES);
        registry.add("voipguard.rules-dir", RULES::toString);
    }

    @Autowired
    private JobOperatorTestUtils jobs;
    @Autowired
    @Qualifier("cdrImportJob")
    private Job cdrImportJob;
    @Autowired
    private JobRepository jobRepository;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    @BeforeEach
    void givenAliceAndBobInDifferentParts() {
        jobs.setJob(cdrImportJob);
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@example.com", null);
        givenNumber(jdbc, BOB, "bob@example.com", null);
        assertThat(new NumberPartition(0, 2).ownsNumber(ALICE)).isNotEqualTo(new NumberPartition(0, 2).ownsNumber(BOB));
    }

    @Test
    void eachPartImportsItsOwnNumbersAndTogetherTheyCountEveryLineOnce() throws Exception {
        Path file = csv(dir, "cdrs.csv", CDR_HEADER, callsOf("a", ALICE, "b", BOB, 6).toArray(String[]::new));
        Path withRepeatsAndABadLine = csv(dir, "more.csv", CDR_HEADER,
                call("a1", ALICE, "2026-11-02T10:01:00Z", "07700900123", "8", "2.50"),
                call("b9", BOB, "2026-11-02T11:09:00Z", "07700900123", "8", "2.50"),
                call("bad", BOB, "yesterday", "07700900123", "8", "2.50"),
                call("a9", ALICE, "2026-11-02T11:09:00Z", "09098790123", "150", "2.50"));

        JobExecution first = jobs.startJob(parameters(file));
        JobExecution second = jobs.startJob(parameters(withRepeatsAndABadLine));

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partsOf(first)).extracting(StepExecution::getStepName)
                .containsExactlyInAnyOrder("importCdrsPart:part0", "importCdrsPart:part1");
        assertThat(partsOf(first)).extracting(part -> RecordCounts.from(part.getExecutionContext()).imported())
                .containsExactlyInAnyOrder(6L, 6L);
        RecordCounts counts = RecordCounts.ofStep(second, jobRepository, CdrChunkWriter.STEP);
        assertThat(counts.imported()).isEqualTo(2);
        assertThat(counts.duplicates()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT line_number FROM rejected_line", Long.class)).containsExactly(4L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr", Long.class)).isEqualTo(14);
        assertThat(spendOf(ALICE)).isEqualByComparingTo("17.50");
        assertThat(spendOf(BOB)).isEqualByComparingTo("17.50");
        assertThat(jdbc.queryForList("SELECT alert_key FROM alert ORDER BY alert_key", String.class)).containsExactly(
                "BILL_WARNING:+441632960001:2026-11:1", "BILL_WARNING:+441632960002:2026-11:1",
                "RATE_LIMIT_EXCEEDED:a9");
    }

    @Test
    void aPartThatFailedIsRestartedAloneWhereItStoppedAndNothingIsChargedTwice() throws Exception {
        Path file = csv(dir, "cdrs.csv", CDR_HEADER, callsOf("a", ALICE, "b", BOB, 10).toArray(String[]::new));
        TripwireRules.lay(RULES, "a7", "a7");

        JobExecution failed = jobs.startJob(parameters(file));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr WHERE number = ?", Long.class, ALICE)).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr WHERE number = ?", Long.class, BOB)).isEqualTo(10);

        TripwireRules.remove(RULES);
        JobExecution restarted = jobs.startJob(parameters(file));

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partsOf(restarted)).hasSize(1);
        assertThat(RecordCounts.ofStep(restarted, jobRepository, CdrChunkWriter.STEP).imported()).isEqualTo(20);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr", Long.class)).isEqualTo(20);
        assertThat(spendOf(ALICE)).isEqualByComparingTo("25.00");
        assertThat(spendOf(BOB)).isEqualByComparingTo("25.00");
    }

    /** Alice's and Bob's calls interleaved, one a minute each, 2.50 a call. */
    private static List<String> callsOf(String alicePrefix, String alice, String bobPrefix, String bob, int each) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= each; i++) {
            String start = "2026-11-02T10:%02d:00Z".formatted(i);
            lines.add(call(alicePrefix + i, alice, start, "07700900123", "8", "2.50"));
            lines.add(call(bobPrefix + i, bob, start, "07700900123", "8", "2.50"));
        }
        return lines;
    }

    private List<StepExecution> partsOf(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(CdrChunkWriter.PART_STEP + ":")).toList();
    }

    private BigDecimal spendOf(String number) {
        return jdbc.queryForObject("SELECT spend_gbp FROM monthly_spend WHERE number = ?", BigDecimal.class, number);
    }

    private static JobParameters parameters(Path file) {
        return new JobParametersBuilder()
                .addString(ImportJobParameters.FILE, file.toAbsolutePath().toString())
                .addString(ImportJobParameters.SHA256, ImportedFiles.sha256(file))
                .toJobParameters();
    }
}
