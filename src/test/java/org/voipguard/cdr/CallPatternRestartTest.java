package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.CDR_HEADER;
import static org.voipguard.support.ImportFixtures.csv;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
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
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;
import org.voipguard.support.TripwireRules;

/**
 * An import that dies in the middle of a burst and is run again reads the burst's committed calls
 * back and raises each of its alerts once: the same alerts as an import that never failed.
 */
@AlsoOnPostgreSql
@SpringBootTest(properties = "voipguard.chunk-size=10")
@SpringBatchTest
class CallPatternRestartTest {

    private static final Path RULES = Path.of("target", "call-pattern-restart-rules");
    private static final String ALICE = "+441632960001";

    @DynamicPropertySource
    static void shippedRulesAndThresholds(DynamicPropertyRegistry registry) throws IOException {
        TripwireRules.copyShipped(RULES, TripwireRules.RULE_FILES_AND_THRESHOLDS);
        registry.add("voipguard.rules-dir", RULES::toString);
    }

    @Autowired
    private JobOperatorTestUtils jobs;
    @Autowired
    @Qualifier("cdrImportJob")
    private Job cdrImportJob;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    @Test
    void aBurstInterruptedByACrashRaisesEachSeverityOnceAfterTheRestart() throws Exception {
        jobs.setJob(cdrImportJob);
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@example.com", null);
        Path file = csv(dir, "burst.csv", CDR_HEADER,
                CallPatternImportTest.burst(ALICE, "b", 40, "2026-11-04T10:00:00Z").toArray(String[]::new));
        TripwireRules.lay(RULES, "b-35", "b-35");

        JobExecution failed = jobs.startJob(parameters(file));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr", Long.class)).isEqualTo(30);
        assertThat(alertKeys()).containsExactly("CALL_RATE:+441632960001:burst:any:b-1:WARNING",
                "CALL_RATE:+441632960001:burst:any:b-1:CRITICAL");

        TripwireRules.remove(RULES);
        JobExecution restarted = jobs.startJob(parameters(file));

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr", Long.class)).isEqualTo(40);
        assertThat(alertKeys()).containsExactly("CALL_RATE:+441632960001:burst:any:b-1:WARNING",
                "CALL_RATE:+441632960001:burst:any:b-1:CRITICAL");
    }

    private List<String> alertKeys() {
        return jdbc.queryForList("SELECT alert_key FROM alert ORDER BY id", String.class);
    }

    private static JobParameters parameters(Path file) {
        return new JobParametersBuilder()
                .addString(ImportJobParameters.FILE, file.toAbsolutePath().toString())
                .addString(ImportJobParameters.SHA256, ImportedFiles.sha256(file))
                .toJobParameters();
    }
}
