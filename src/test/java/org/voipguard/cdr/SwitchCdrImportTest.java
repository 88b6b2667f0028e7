package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/**
 * The switches' own files through {@code cdrs import}: recognised without {@code --format},
 * rated and stored as the canonical CSV is, a Kamailio call completed by a BYE in the next file,
 * an unknown file refused, and a quiet {@code --baseline} first run.
 */
@AlsoOnPostgreSql
@SpringBootTest
class SwitchCdrImportTest {

    private static final Path SAMPLES = Path.of("sample-data");

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.clear(jdbc);
        jdbc.update("DELETE FROM email_outbox");
        givenNumber(jdbc, "+441632960004", "quiet@example.com", null);
        givenNumber(jdbc, "+441632960005", "carol@example.com", null);
    }

    @Test
    void anAsteriskMasterCsvIsRecognisedRatedAndStoredLikeTheCanonicalCsv() throws Exception {
        Path inbox = inbox(SAMPLES.resolve("cdrs-asterisk/Master.csv"));

        Result result = run("cdrs", "import", "--no-email", inbox.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Master.csv: 4 records, 4 imported, 0 duplicates, 0 rejected");
        assertThat(jdbc.queryForList("SELECT number || ' ' || called || ' ' || duration_s || ' ' || status FROM cdr "
                + "WHERE direction = 'OUT' ORDER BY start_time", String.class)).containsExactly(
                "+441632960005 +18765550123 720 200", "+441632960004 +441632960999 0 480",
                "+441632960004 +449098790123 1800 200");
        assertThat(alerts("RATE_LIMIT_EXCEEDED")).containsExactlyInAnyOrder("+441632960004", "+441632960005");
        assertThat(Files.exists(inbox.resolve("processed/Master.csv"))).isTrue();
    }

    @Test
    void aFreeswitchMasterCsvIsRecognisedToo() throws Exception {
        Result result = run("cdrs", "import", "--no-email", SAMPLES.resolve("cdrs-freeswitch/Master.csv").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Master.csv: 4 records, 4 imported");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr WHERE direction = 'IN'", Long.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT status FROM cdr WHERE call_id = 'a1b2c3d4-0000-4000-8000-000000000005'",
                Integer.class)).isEqualTo(486);
    }

    @Test
    void aKamailioCallWhoseByeIsInTheNextFileIsCompletedWhenThatFileArrives() throws Exception {
        Path first = SAMPLES.resolve("cdrs-kamailio/acc-2026-10-24T09.log");
        Path second = SAMPLES.resolve("cdrs-kamailio/acc-2026-10-24T10.log");

        Result firstRun = run("cdrs", "import", "--no-email", first.toString());

        assertThat(firstRun.out()).contains("5 records, 1 imported, 0 duplicates, 4 skipped (", "1 other SIP methods",
                "1 other log lines", "2 answered INVITEs (completed by their BYE)", "), 0 rejected");
        assertThat(jdbc.queryForList("SELECT call_id FROM cdr_open_call", String.class))
                .containsExactly("a84b4c76e66710@2001:db8::10");

        Result secondRun = run("cdrs", "import", "--no-email", second.toString());

        assertThat(secondRun.out()).contains("2 records, 2 imported, 0 duplicates, 0 rejected");
        assertThat(jdbc.queryForObject("SELECT duration_s FROM cdr WHERE call_id = 'a84b4c76e66710@2001:db8::10'",
                Integer.class)).isEqualTo(2400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr_open_call", Long.class)).isZero();
    }

    @Test
    void aDryRunJoinsTheFilesOfTheRunInMemoryAndStoresNothing() throws Exception {
        Result result = run("cdrs", "import", "--dry-run", SAMPLES.resolve("cdrs-kamailio").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("7 records read, 0 rejected");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr_open_call", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr", Long.class)).isZero();
    }

    @Test
    void aFileNoFormatRecognisesIsRefusedAndMovedToFailed() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("odd.csv"), "date;caller;callee;seconds\u001b[2J\n2026-10-01;1;2;3\n");

        Result result = run("cdrs", "import", "--no-email", inbox.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("odd.csv: FAILED: not a CDR file: the first line must be the header "
                + "call_id,number,", "asterisk-csv, freeswitch-csv or kamailio-acc, not \"date;caller;callee;seconds\\u001b[2J\"");
        assertThat(Files.readString(inbox.resolve("failed/odd.csv.reason.txt"))).contains("kamailio-acc");
    }

    @Test
    void aNamedFormatIsReadAsThatFormatAndItsBadLinesAreRejectedWithTheirField() throws Exception {
        Path file = Files.writeString(dir.resolve("Master.csv"), Files.readString(
                SAMPLES.resolve("cdrs-asterisk/Master.csv")) + "\"\",\"1\",\"2\",\"ctx\",\"x\",\"SIP/1-1\",\"\",\"\",\"\","
                + "\"2026-10-21 25:00:00\",\"\",\"2026-10-21 09:30:30\",30,0,\"NO ANSWER\",\"DOCUMENTATION\"\n");

        Result result = run("cdrs", "import", "--no-email", "--format", "asterisk-csv", file.toString());

        assertThat(result.out()).contains("5 records, 4 imported, 0 duplicates, 1 rejected");
        assertThat(jdbc.queryForList("SELECT line_number || ' ' || field FROM rejected_line", String.class))
                .containsExactly("5 start");
    }

    @Test
    void aBaselineStoresTheHistoryAndItsSpendRaisesNothingAndTheNextImportAlertsOnlyOnWhatIsNew() throws Exception {
        Path history = SAMPLES.resolve("cdrs-asterisk/Master.csv");

        Result baseline = run("cdrs", "import", "--baseline", history.toString());

        assertThat(baseline.exitCode()).isZero();
        assertThat(baseline.out()).contains("cdrs import: baseline: learned 4 calls of 3 numbers, GBP 47.40 of spend "
                + "over 3 number-months; raised no alert and sent no email");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT warned_multiple FROM monthly_spend WHERE number = '+441632960004'",
                Integer.class)).as("GBP 45 reached the 10, 20, 30 and 40 levels: remembered as warned").isEqualTo(4);

        Path next = Files.writeString(dir.resolve("Master.csv"), String.join("\n",
                "\"\",\"441632960004\",\"01632960999\",\"from-customers\",\"\",\"PJSIP/441632960004-00000009\",\"\","
                        + "\"Dial\",\"\",\"2026-10-25 10:00:00\",\"2026-10-25 10:00:01\",\"2026-10-25 10:01:01\",61,60,"
                        + "\"ANSWERED\",\"DOCUMENTATION\",\"1792918800.9\"",
                "\"\",\"441632960005\",\"0018765550123\",\"from-customers\",\"\",\"PJSIP/441632960005-0000000a\",\"\","
                        + "\"Dial\",\"\",\"2026-10-25 11:00:00\",\"2026-10-25 11:00:01\",\"2026-10-25 11:01:01\",61,60,"
                        + "\"ANSWERED\",\"DOCUMENTATION\",\"1792922400.10\"") + "\n");
        Result normal = run("cdrs", "import", "--no-email", next.toString());

        assertThat(normal.out()).contains("2 records, 2 imported");
        assertThat(jdbc.queryForList("SELECT alert_type || ' ' || number FROM alert", String.class))
                .containsExactly("RATE_LIMIT_EXCEEDED +441632960005");
    }

    private List<String> alerts(String type) {
        return jdbc.queryForList("SELECT number FROM alert WHERE alert_type = ?", String.class, type);
    }

    private Path inbox(Path sample) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.copy(sample, inbox.resolve(sample.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return inbox;
    }

    private record Result(int exitCode, String out) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exitCode, out + err.toString());
    }
}
