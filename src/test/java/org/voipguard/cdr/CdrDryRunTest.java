package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.CDR_HEADER;
import static org.voipguard.support.ImportFixtures.call;
import static org.voipguard.support.ImportFixtures.csv;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.command.ExitCodes;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.support.StateSnapshot;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/** {@code cdrs import --dry-run}: the alerts a real import would raise, and not one row or file written. */
@SpringBootTest
@AlsoOnPostgreSql
class CdrDryRunTest {

    private static final String ALICE = "+441632960001";
    private static final String NATIONAL_RULE = "National call priced above the number's national limit";

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private VoipGuardProperties properties;
    @TempDir
    private Path dir;

    @BeforeEach
    void aNumberWithSpendAlreadyStored() {
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@acme.example", "billing@acme.example");
        Path earlier = csv(dir, "earlier.csv", CDR_HEADER, call("c-1", ALICE, "2026-11-02T10:00:00Z", "01632960999", "3", "8.00"));
        assertThat(run("cdrs", "import", "--no-email", earlier.toString())).isEqualTo(ExitCodes.DONE);
    }

    @Test
    void printsTheAlertsFromStoredSpendPlusTheFileAndChangesNothing() {
        Path today = csv(dir, "today.csv", CDR_HEADER,
                call("c-2", ALICE, "2026-11-03T10:00:00Z", "09098790123", "150", "3.00"),
                call("c-3", ALICE, "2026-11-03T11:00:00Z", "01632960999", "3", "0.50"),
                "c-4,+441632960001,OUT,yesterday,60,01632960999,3,,200");
        StateSnapshot before = snapshot();

        int exit = run("cdrs", "import", "--dry-run", today.toString());

        String output = out.toString();
        assertThat(exit).isEqualTo(ExitCodes.DONE);
        assertThat(output)
                .contains("  would raise RATE_LIMIT_EXCEEDED " + ALICE + " (rule \"" + NATIONAL_RULE + "\"): call_id=c-2")
                .contains("  would raise BILL_WARNING " + ALICE + " (rule \"Monthly spend reached another multiple of "
                        + "the warning level\"): month=2026-11, spend_gbp=11.50")
                .contains("  would reject line 4: start_time:")
                .contains(today + ": 3 records, 2 evaluated, 0 duplicates, 1 rejected, 2 alerts")
                .containsPattern("cdrs import --dry-run: 1 files evaluated, 0 failed; 3 records read, 1 rejected, "
                        + "2 alerts would be raised; nothing was stored or sent \\(rules [0-9a-f]{12}\\)");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aFileImportedBeforeFindsItsCallsStoredAndPromisesNoAlertTheImportWouldNotRaise() {
        Path again = csv(dir, "again.csv", CDR_HEADER, call("c-1", ALICE, "2026-11-02T10:00:00Z", "01632960999", "3", "8.00"),
                call("c-5", ALICE, "2026-11-04T10:00:00Z", "09098790123", "150", "1.00"));
        run("cdrs", "import", "--no-email", again.toString());
        StateSnapshot before = snapshot();

        run("cdrs", "import", "--dry-run", again.toString());

        assertThat(out.toString())
                .contains("imported before (as ")
                .contains(again + ": 2 records, 0 evaluated, 2 duplicates, 0 rejected, 0 alerts")
                .doesNotContain("would raise");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotACdrFileFailsTheDryRun() {
        Path wrong = csv(dir, "wrong.csv", "time,number,source_ip", "x,y,z");

        int exit = run("cdrs", "import", "--dry-run", wrong.toString());

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains(wrong + ": FAILED: not a CDR file");
    }

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    }

    private StateSnapshot snapshot() {
        return StateSnapshot.take(jdbc, properties.outboxDir(), properties.rejectsDir());
    }
}
