package org.voipguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.CDR_HEADER;
import static org.voipguard.support.ImportFixtures.REGISTRATION_HEADER;
import static org.voipguard.support.ImportFixtures.call;
import static org.voipguard.support.ImportFixtures.csv;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.command.ExitCodes;
import org.voipguard.support.TestDatabase;

/**
 * An analyst renames the alert types of the bill-warning and lockdown rules: "warn once" and
 * "once per address in 24 hours" still hold, because the policies remember what an alert was
 * raised about, not what it is called.
 */
@SpringBootTest
class RenamedAlertTypesTest {

    private static final Path RULES = Path.of("target", "renamed-alert-types-rules");
    private static final String ALICE = "+441632960001";

    @DynamicPropertySource
    static void rulesWithRenamedTypes(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(RULES);
        try (var shipped = Files.list(Path.of("rules"))) {
            for (Path rule : shipped.filter(f -> f.toString().endsWith(".drl")).toList()) {
                String text = Files.readString(rule)
                        .replace("\"BILL_WARNING\"", "\"SPEND_NOTICE\"")
                        .replace("\"LOCKDOWN_BLOCKED\"", "\"SOMEONE_HAS_YOUR_PASSWORD\"");
                Files.writeString(RULES.resolve(rule.getFileName()), text);
            }
        }
        registry.add("voipguard.rules-dir", RULES::toString);
    }

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    @BeforeEach
    void aNumberLockedDownToOneAddress() {
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@acme.example", null, "192.0.2.1", "NEW_IP_OR_AGENT");
    }

    @Test
    void aRenamedBillWarningStillRemembersTheMultipleItWarnedAbout() {
        Path spend = csv(dir, "spend.csv", CDR_HEADER, call("c-1", ALICE, "2026-11-02T10:00:00Z", "01632960999", "3", "11.00"));

        assertThat(run("cdrs", "import", "--no-email", spend.toString())).isEqualTo(ExitCodes.DONE);

        assertThat(jdbc.queryForList("SELECT alert_type FROM alert", String.class)).containsExactly("SPEND_NOTICE");
        assertThat(jdbc.queryForObject("SELECT warned_multiple FROM monthly_spend WHERE number = ?", Integer.class, ALICE))
                .isEqualTo(1);
    }

    @Test
    void aRenamedLockdownNoticeStillStartsTheTwentyFourHoursOfQuiet() {
        Path registrations = csv(dir, "registrar.csv", REGISTRATION_HEADER,
                "2026-11-02T10:00:00Z," + ALICE + ",198.51.100.7,5060,UDP,evil/1.0,OK,3600",
                "2026-11-02T11:00:00Z," + ALICE + ",198.51.100.7,5060,UDP,evil/1.0,OK,3600");

        assertThat(run("registrations", "import", "--no-email", registrations.toString())).isEqualTo(ExitCodes.DONE);

        assertThat(jdbc.queryForList("SELECT alert_type FROM alert", String.class))
                .containsExactly("SOMEONE_HAS_YOUR_PASSWORD");
    }

    private int run(String... args) {
        StringWriter ignored = new StringWriter();
        return CommandLineLauncher.execute(context, new PrintWriter(ignored, true), new PrintWriter(ignored, true), args);
    }
}
