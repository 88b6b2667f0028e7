package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
 * A Kamailio import that fails half way (an analyst's rule that throws on one call) and is run
 * again: the open calls it kept or closed in the chunk that failed are as they were before that
 * chunk, so the restart completes every call once, and no INVITE is left waiting.
 */
@AlsoOnPostgreSql
@SpringBootTest(properties = "voipguard.chunk-size=3")
@SpringBatchTest
class KamailioRestartTest {

    private static final Path RULES = Path.of("target", "kamailio-restart-test-rules");
    private static final long T0 = 1_793_520_000L;

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
    void theOpenCallsOfTheChunkThatFailedAreRolledBackWithItAndTheRestartCompletesEveryCallOnce() throws Exception {
        jobs.setJob(cdrImportJob);
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, "+441632960001", "alice@example.com", null);
        Path file = Files.writeString(dir.resolve("acc.log"), String.join("\n",
                acc("INVITE", "a", 0), acc("INVITE", "b", 10), acc("BYE", "a", 60),
                acc("INVITE", "c", 70), acc("BYE", "b", 130), acc("BYE", "c", 200)) + "\n");
        TripwireRules.lay(RULES, "b", "b@192.0.2.10");

        JobExecution failed = jobs.startJob(parameters(file));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForList("SELECT call_id FROM cdr", String.class)).containsExactly("a@192.0.2.10");
        assertThat(jdbc.queryForList("SELECT call_id FROM cdr_open_call", String.class))
                .as("c's INVITE and b's BYE were in the chunk rolled back").containsExactly("b@192.0.2.10");

        TripwireRules.remove(RULES);
        JobExecution restarted = jobs.startJob(parameters(file));

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT call_id || ' ' || duration_s FROM cdr ORDER BY call_id", String.class))
                .containsExactly("a@192.0.2.10 60", "b@192.0.2.10 120", "c@192.0.2.10 130");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr_open_call", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rejected_line", Long.class)).isZero();
    }

    private static String acc(String method, String call, long second) {
        return "Nov  1 08:00:00 sip1 /usr/sbin/kamailio[2315]: NOTICE: acc [acc.c:281]: acc_log_request(): "
                + "ACC: transaction answered: timestamp=" + (T0 + second) + ";method=" + method + ";from_tag=f" + call
                + ";to_tag=t" + call + ";call_id=" + call + "@192.0.2.10;code=200;reason=OK;src_user=441632960001;"
                + "src_domain=sip.example.net;src_ip=192.0.2.10;dst_ouser=07700900123;dst_user=07700900123;"
                + "dst_domain=sip.example.net";
    }

    private static JobParameters parameters(Path file) {
        return new JobParametersBuilder()
                .addString(ImportJobParameters.FILE, file.toAbsolutePath().toString())
                .addString(ImportJobParameters.SHA256, ImportedFiles.sha256(file))
                .addString(ImportJobParameters.FORMAT, "kamailio-acc")
                .addString(ImportJobParameters.BASELINE, "false")
                .toJobParameters();
    }
}
