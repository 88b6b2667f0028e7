package org.voipguard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.REGISTRATION_HEADER;
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

/** {@code registrations import --dry-run}: evaluated against what the database knows, and nothing written. */
@SpringBootTest
@AlsoOnPostgreSql
class RegistrationDryRunTest {

    private static final String ALICE = "+441632960001";
    private static final String BOB = "+441632960002";

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private VoipGuardProperties properties;
    @TempDir
    private Path dir;

    private final StringWriter out = new StringWriter();

    @BeforeEach
    void alicesPhoneIsKnown() {
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@acme.example", null);
        givenNumber(jdbc, BOB, "bob@acme.example", null, "192.0.2.0/29", null);
        Path earlier = csv(dir, "earlier.csv", REGISTRATION_HEADER,
                "2026-11-01T10:00:00Z," + ALICE + ",198.51.100.20,5060,UDP,snom300/8.7.3.25,OK,3600");
        assertThat(run("registrations", "import", "--no-email", earlier.toString())).isEqualTo(ExitCodes.DONE);
    }

    @Test
    void printsTheAlertsFromTheStoredStateAndChangesNothing() {
        Path today = csv(dir, "today.csv", REGISTRATION_HEADER,
                "2026-11-02T10:00:00Z," + ALICE + ",203.0.113.77,5060,UDP,snom300/8.7.3.25,OK,3600",
                "2026-11-02T10:05:00Z," + BOB + ",203.0.113.9,5060,UDP,stolen-phone\u001b[31m,OK,3600",
                "2026-11-02T10:06:00Z," + BOB + ",203.0.113.9,5060,UDP,stolen-phone,OK,3600");
        StateSnapshot before = snapshot();

        int exit = run("registrations", "import", "--dry-run", today.toString());

        String output = out.toString();
        assertThat(exit).isEqualTo(ExitCodes.DONE);
        assertThat(output)
                .contains("  would raise NEW_IP " + ALICE + " (rule \"New address with a known User-Agent\")")
                .contains("  would raise LOCKDOWN_BLOCKED " + BOB
                        + " (rule \"Correct password used from an address outside the access list\")")
                .contains("user_agent=stolen-phone[31m")
                .doesNotContain("\u001b")
                .contains(today + ": 3 records, 3 evaluated, 0 duplicates, 0 rejected, 2 alerts");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aLogImportedBeforeFindsItsEventsStoredAndPromisesNoAlertTheImportWouldNotRaise() {
        Path blocked = csv(dir, "blocked.csv", REGISTRATION_HEADER,
                "2026-11-02T10:05:00Z," + BOB + ",203.0.113.9,5060,UDP,stolen-phone,OK,3600");
        assertThat(run("registrations", "import", "--no-email", blocked.toString())).isEqualTo(ExitCodes.DONE);
        Path again = csv(dir, "again.csv", REGISTRATION_HEADER,
                "2026-11-02T10:05:00Z," + BOB + ",203.0.113.9,5060,UDP,stolen-phone,OK,3600",
                "2026-11-03T11:00:00Z," + BOB + ",203.0.113.9,5060,UDP,stolen-phone,OK,3600");

        run("registrations", "import", "--dry-run", again.toString());

        assertThat(out.toString())
                .contains(again + ": 2 records, 1 evaluated, 1 duplicates, 0 rejected, 1 alerts")
                .contains("would raise LOCKDOWN_BLOCKED " + BOB);
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    }

    private StateSnapshot snapshot() {
        return StateSnapshot.take(jdbc, properties.outboxDir(), properties.rejectsDir());
    }
}
