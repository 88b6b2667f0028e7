package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.CDR_HEADER;
import static org.voipguard.support.ImportFixtures.call;
import static org.voipguard.support.ImportFixtures.csv;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * An import that fails half way (here: an analyst's rule that throws on one call) is run
 * again with the same file once the rule is fixed: it restarts after the last committed
 * chunk and ends with the same totals as an import that never failed, nothing counted twice.
 */
@AlsoOnPostgreSql
@SpringBootTest(properties = "voipguard.chunk-size=3")
@SpringBatchTest
class CdrImportRestartTest {

    private static final Path RULES = Path.of("target", "restart-test-rules");
    private static final String ALICE = "+441632960001";

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
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    @Test
    void aFailedImportRestartsWhereItStoppedAndCountsEveryCallOnce() throws Exception {
        jobs.setJob(cdrImportJob);
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@example.com", null);
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            lines.add(call("c" + i, ALICE, "2026-11-02T10:%02d:00Z".formatted(i), i == 8 ? "09098790123" : "07700900123",
                    i == 8 ? "150" : "8", "2.50"));
        }
        Path file = csv(dir, "cdrs.csv", CDR_HEADER, lines.toArray(String[]::new));
        TripwireRules.lay(RULES, "c7", "c7");

        JobExecution failed = jobs.startJob(parameters(file));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions()).anySatisfy(e -> assertThat(rootMessage(e))
                .contains("Tripwire that fails on call c7"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr", Long.class)).isEqualTo(6);

        TripwireRules.remove(RULES);
        JobExecution restarted = jobs.startJob(parameters(file));

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr", Long.class)).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT spend_gbp FROM monthly_spend WHERE number = ?", BigDecimal.class, ALICE))
                .isEqualByComparingTo("25.00");
        assertThat(jdbc.queryForList("SELECT alert_key FROM alert ORDER BY alert_key", String.class)).containsExactly(
                "BILL_WARNING:+441632960001:2026-11:2", "RATE_LIMIT_EXCEEDED:c8");
    }

    @Test
    void theCallsOfAFailedImportNeverRestartedAreChargedByTheNextImportOfTheEditedFile() throws Exception {
        jobs.setJob(cdrImportJob);
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@example.com", null);
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            lines.add(call("c" + i, ALICE, "2026-11-02T10:%02d:00Z".formatted(i), "07700900123", "8", "2.50"));
        }
        Path file = csv(dir, "cdrs.csv", CDR_HEADER, lines.toArray(String[]::new));
        Files.writeString(RULES.resolve("tripwire.drl"), """
                package org.voipguard.policies;
                import org.voipguard.rules.facts.OutgoingCall;
                global org.voipguard.rules.AlertCollector alerts;
                rule "Tripwire that fails on the last call"
                when
                    $call : OutgoingCall( callId == "c10" )
                then
                    throw new IllegalStateException("tripwire");
                end
                """);
        assertThat(jobs.startJob(parameters(file)).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr", Long.class)).isEqualTo(9);

        TripwireRules.remove(RULES);
        Path edited = csv(dir, "cdrs-fixed.csv", CDR_HEADER, lines.subList(0, 9).toArray(String[]::new));
        JobExecution second = jobs.startJob(parameters(edited));

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT spend_gbp FROM monthly_spend WHERE number = ?", BigDecimal.class, ALICE))
                .isEqualByComparingTo("22.50");
        assertThat(jdbc.queryForList("SELECT alert_key FROM alert ORDER BY alert_key", String.class))
                .containsExactly("BILL_WARNING:+441632960001:2026-11:2");
    }

    private static JobParameters parameters(Path file) {
        return new JobParametersBuilder()
                .addString(ImportJobParameters.FILE, file.toAbsolutePath().toString())
                .addString(ImportJobParameters.SHA256, ImportedFiles.sha256(file))
                .toJobParameters();
    }

    private static String rootMessage(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" / ");
        }
        return messages.toString();
    }
}
