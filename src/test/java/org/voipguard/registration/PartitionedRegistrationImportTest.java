package org.voipguard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.givenNumber;
import static org.voipguard.support.ImportFixtures.kamailioRegister;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
import org.voipguard.notification.AlertFacts;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;
import org.voipguard.support.TripwireRules;

/**
 * A registration log imported in two parts run side by side ({@code voipguard.import-parts=2}):
 * each part loads its own lines and together they count every line once; each number's events
 * are evaluated by the part of the number, and the failures from one address are counted
 * together by the part of the address, whichever numbers they were for; a part that fails is
 * restarted alone, where it stopped, and counts nothing twice.
 */
@AlsoOnPostgreSql
@SpringBootTest(properties = {"voipguard.chunk-size=3", "voipguard.import-parts=2"})
@SpringBatchTest
class PartitionedRegistrationImportTest {

    private static final Path RULES = Path.of("target", "partitioned-registration-test-rules");
    private static final String ALICE = "+441632960001";
    private static final String BOB = "+441632960002";
    private static final String USER_THAT_IS_NO_NUMBER = "admin";
    private static final Instant START = Instant.parse("2026-11-02T10:00:00Z");
    private static final NumberPartition FIRST_OF_TWO = new NumberPartition(0, 2);

    /** Guesses passwords of Alice and Bob; counted by Alice's part. */
    private static final String GUESSER = addressInThePartOf(ALICE);
    /** Tries a user that is no number; counted, and its events' outcomes stored, by Bob's part. */
    private static final String PROBER = addressInThePartOf(BOB);

    @DynamicPropertySource
    static void rulesAndThresholds(DynamicPropertyRegistry registry) throws IOException {
        TripwireRules.copyShipped(RULES, TripwireRules.RULE_FILES_AND_THRESHOLDS);
        registry.add("voipguard.rules-dir", RULES::toString);
    }

    @Autowired
    private JobOperatorTestUtils jobs;
    @Autowired
    @Qualifier("registrationImportJob")
    private Job registrationImportJob;
    @Autowired
    private JobRepository jobRepository;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    @BeforeEach
    void givenAliceAndBobInDifferentParts() {
        jobs.setJob(registrationImportJob);
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@example.com", null);
        givenNumber(jdbc, BOB, "bob@example.com", null);
        assertThat(FIRST_OF_TWO.ownsNumber(ALICE)).isNotEqualTo(FIRST_OF_TWO.ownsNumber(BOB));
    }

    @Test
    void eachPartLoadsItsOwnLinesAndTogetherTheyCountEveryLineOnce() throws Exception {
        JobExecution execution = jobs.startJob(parameters(log("registrations.log")));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partsOf(execution, RegistrationLoadWriter.PART_STEP)).extracting(StepExecution::getStepName)
                .containsExactlyInAnyOrder("loadRegistrationsPart:part0", "loadRegistrationsPart:part1");
        assertThat(partsOf(execution, RegistrationLoadWriter.PART_STEP))
                .extracting(part -> RecordCounts.from(part.getExecutionContext()).imported())
                .containsExactlyInAnyOrder(12L, 12L);
        RecordCounts counts = RecordCounts.ofStep(execution, jobRepository, RegistrationLoadWriter.STEP);
        assertThat(counts.imported()).isEqualTo(24);
        assertThat(counts.skipped().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
        assertThat(jdbc.queryForList("SELECT line_number || ' ' || field FROM rejected_line", String.class))
                .containsExactly("35 ts");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration_event", Long.class)).isEqualTo(34);
    }

    @Test
    void eachNumberIsEvaluatedByItsPartAndEachAddressCountedByItsOwnAcrossTheNumbers() throws Exception {
        JobExecution execution = jobs.startJob(parameters(log("registrations.log")));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partsOf(execution, RegistrationImportJobConfiguration.EVALUATE_PART_STEP))
                .extracting(StepExecution::getStepName)
                .containsExactlyInAnyOrder("evaluateRegistrationsPart:part0", "evaluateRegistrationsPart:part1");
        assertThat(alerts()).containsExactly(
                "AUTH_FAILURES " + GUESSER + " failures 10, numbers tried 2, last " + START.plusSeconds(185),
                "AUTH_FAILURES " + PROBER + " failures 10, numbers tried 1, last " + START.plusSeconds(190),
                "NEW_IP_AND_USER_AGENT " + ALICE,
                "NEW_IP_AND_USER_AGENT " + BOB);
        assertThat(jdbc.queryForList("SELECT o.outcome || ' ' || COUNT(*) FROM registration_event e"
                + " JOIN registration_outcome o ON o.event_id = e.id GROUP BY o.outcome ORDER BY o.outcome",
                String.class)).containsExactly("ACCEPTED 12", "AUTH_FAILED 22");
        assertThat(jdbc.queryForList("SELECT number || ' ' || source_ip FROM registered_phone ORDER BY number",
                String.class)).containsExactly(ALICE + " 198.51.100.1", BOB + " 198.51.100.2");
    }

    @Test
    void aPartThatFailedIsRestartedAloneWhereItStoppedAndCountsNothingTwice() throws Exception {
        JobExecution reference = jobs.startJob(parameters(log("reference.log")));
        assertThat(reference.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, List<String>> uninterrupted = state();
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@example.com", null);
        givenNumber(jdbc, BOB, "bob@example.com", null);
        Path log = log("registrations.log");
        TripwireRules.layOnRegistration(RULES, ALICE, START.plusSeconds(160).toString());

        JobExecution failed;
        try {
            failed = jobs.startJob(parameters(log));
        } finally {
            TripwireRules.remove(RULES);
        }

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(outcomesOf(ALICE)).as("Alice's part stopped half way").isBetween(1L, 11L);
        assertThat(outcomesOf(BOB)).isEqualTo(12);
        JobExecution restarted = jobs.startJob(parameters(log));

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partsOf(restarted, RegistrationLoadWriter.PART_STEP)).isEmpty();
        assertThat(partsOf(restarted, RegistrationImportJobConfiguration.EVALUATE_PART_STEP)).hasSize(1);
        assertThat(state()).isEqualTo(uninterrupted);
    }

    /**
     * Every 20 seconds for four minutes: Alice or Bob registers from their own phone, and the
     * guesser tries a wrong password for the one that did; for the first ten, the prober tries
     * a user that is no number. The last line, the 35th, is broken.
     */
    private Path log(String name) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant time = START.plusSeconds(20L * i);
            String number = i % 2 == 0 ? ALICE : BOB;
            String phone = i % 2 == 0 ? "198.51.100.1" : "198.51.100.2";
            lines.add(kamailioRegister(time, number.substring(1), phone, "OK", "snom300/8.7.3.25"));
            lines.add(kamailioRegister(time.plusSeconds(5), number.substring(1), GUESSER, "BAD_PASSWORD",
                    "Z 3.15.40006"));
            if (i < 10) {
                lines.add(kamailioRegister(time.plusSeconds(10), USER_THAT_IS_NO_NUMBER, PROBER, "UNKNOWN_USER", "x"));
            }
        }
        String broken = kamailioRegister(START, ALICE.substring(1), PROBER, "OK", "x");
        lines.add(broken.replace("ts=" + START.getEpochSecond(), "ts=soon"));
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String addressInThePartOf(String number) {
        return IntStream.rangeClosed(1, 254).mapToObj(host -> "203.0.113." + host)
                .filter(address -> FIRST_OF_TWO.ownsAddress(address) == FIRST_OF_TWO.ownsNumber(number))
                .findFirst().orElseThrow();
    }

    private List<String> alerts() {
        return jdbc.query("SELECT alert_type, number, facts FROM alert ORDER BY alert_type, facts", (rs, row) -> {
            Map<String, String> facts = AlertFacts.decode(rs.getString(3));
            return rs.getString(1).equals("AUTH_FAILURES")
                    ? "AUTH_FAILURES " + facts.get("source_ip") + " failures " + facts.get("failures")
                            + ", numbers tried " + facts.get("numbers_tried") + ", last " + facts.get("last_time")
                    : rs.getString(1) + " " + rs.getString(2);
        });
    }

    /** What the evaluation leaves, without the ids and times an import run gives its rows. */
    private Map<String, List<String>> state() {
        Map<String, List<String>> state = new LinkedHashMap<>();
        state.put("outcomes", jdbc.queryForList("SELECT e.event_key || ' ' || o.outcome FROM registration_event e"
                + " JOIN registration_outcome o ON o.event_id = e.id ORDER BY 1", String.class));
        state.put("alerts", jdbc.queryForList("SELECT alert_key || ' ' || facts FROM alert ORDER BY 1", String.class));
        state.put("windows", jdbc.queryForList("SELECT check_name || ' ' || subject || ' ' || recent FROM abuse_window"
                + " ORDER BY 1", String.class));
        state.put("bans", jdbc.queryForList("SELECT address || ' ' || reason FROM address_ban ORDER BY 1",
                String.class));
        state.put("known", jdbc.queryForList("SELECT number || ' ' || source_ip FROM known_ip ORDER BY 1",
                String.class));
        state.put("phones", jdbc.queryForList("SELECT number || ' ' || source_ip FROM registered_phone ORDER BY 1",
                String.class));
        return state;
    }

    private long outcomesOf(String number) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM registration_outcome o JOIN registration_event e"
                + " ON e.id = o.event_id WHERE e.number = ?", Long.class, number);
    }

    private static List<StepExecution> partsOf(JobExecution execution, String partStep) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(partStep + ":")).toList();
    }

    private static JobParameters parameters(Path file) {
        return new JobParametersBuilder()
                .addString(ImportJobParameters.FILE, file.toAbsolutePath().toString())
                .addString(ImportJobParameters.SHA256, ImportedFiles.sha256(file))
                .addString(ImportJobParameters.FORMAT, "kamailio")
                .toJobParameters();
    }
}
