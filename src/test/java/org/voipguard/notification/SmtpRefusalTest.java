package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.notification.NotificationFixtures.givenNumber;
import static org.voipguard.notification.NotificationFixtures.lockdownBlocked;
import static org.voipguard.notification.NotificationFixtures.newUserAgent;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
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
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/**
 * A mail server that refuses an email for good (5xx to RCPT, MAIL or the data): the email is
 * FAILED with the server's words, shown on the number's page, never retried, and later runs
 * do not fail because of it. A temporary refusal (4xx) keeps the email pending as before.
 */
@AlsoOnPostgreSql
@SpringBootTest
class SmtpRefusalTest {

    private static final String ALICE = "+441632960001";
    private static final String BOB = "+441632960002";
    private static final ScriptedSmtpServer SERVER = start();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SERVER::port);
    }

    @Autowired
    private AlertStore alerts;
    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void givenAnAlertForAliceAndOneForBob() {
        SERVER.behave();
        SERVER.clearLog();
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@example.com", null);
        givenNumber(jdbc, BOB, "bob@example.com", null);
        alerts.store(List.of(newUserAgent(ALICE, "Zoiper rv2.10"), lockdownBlocked(BOB, "203.0.113.9")), 1L);
    }

    @AfterAll
    static void stop() throws IOException {
        SERVER.close();
    }

    @Test
    void aRecipientRefusedForGoodFailsThatEmailWithTheServersWordsAndIsNeverTriedAgain() {
        SERVER.refuse("RCPT TO:<alice@example.com>", "553 5.1.3 mailbox name not allowed");

        StringWriter firstOut = new StringWriter();
        int firstExit = run(firstOut, "emails", "send");
        StringWriter secondOut = new StringWriter();
        int secondExit = run(secondOut, "emails", "send");

        assertThat(firstExit).as("the run that met the refusal tells a person").isEqualTo(1);
        assertThat(firstOut.toString())
                .contains("emails send: 1 sent, 0 failed, 1 refused, 0 pending (to smtp://127.0.0.1:" + SERVER.port() + ")")
                .contains("emails send: email to alice@example.com (" + ALICE
                        + ", NEW_USER_AGENT) FAILED: 553 5.1.3 mailbox name not allowed");
        assertThat(secondExit).as("later runs do not fail because of it").isZero();
        assertThat(secondOut.toString().strip())
                .isEqualTo("emails send: 0 sent, 0 failed, 0 pending (to smtp://127.0.0.1:" + SERVER.port() + ")");
        assertThat(SERVER.commands()).filteredOn(command -> command.contains("alice@example.com")).hasSize(1);
        assertThat(outbox(ALICE)).containsEntry("STATUS", "FAILED")
                .containsEntry("FAILURE_REASON", "553 5.1.3 mailbox name not allowed");
        assertThat(outbox(BOB)).containsEntry("STATUS", "SENT");
    }

    @Test
    void theNumbersPageShowsTheFailedEmail() {
        SERVER.refuse("RCPT TO:<alice@example.com>", "553 5.1.3 mailbox name not allowed");
        run(new StringWriter(), "emails", "send");

        StringWriter shown = new StringWriter();
        int exit = run(shown, "numbers", "show", ALICE);

        assertThat(exit).isZero();
        assertThat(shown.toString()).contains("email to alice@example.com FAILED: 553 5.1.3 mailbox name not allowed");
    }

    @Test
    void messageDataRefusedForGoodFailsTheEmail() {
        SERVER.refuseData("554 5.6.0 message content rejected");

        run(new StringWriter(), "emails", "send");

        assertThat(outbox(ALICE)).containsEntry("STATUS", "FAILED")
                .containsEntry("FAILURE_REASON", "554 5.6.0 message content rejected");
        assertThat(outbox(BOB)).containsEntry("STATUS", "FAILED");
    }

    @Test
    void aSenderRefusedForGoodFailsTheEmail() {
        SERVER.refuse("MAIL FROM:", "553 5.7.1 sender address rejected");

        run(new StringWriter(), "emails", "send");

        assertThat(outbox(ALICE)).containsEntry("STATUS", "FAILED")
                .containsEntry("FAILURE_REASON", "553 5.7.1 sender address rejected");
    }

    @Test
    void aTemporaryRefusalKeepsTheEmailPendingAndTheNextRunSendsIt() {
        SERVER.refuse("RCPT TO:<alice@example.com>", "450 4.2.1 mailbox busy, try later");

        int firstExit = run(new StringWriter(), "emails", "send");
        SERVER.behave();
        int secondExit = run(new StringWriter(), "emails", "send");

        assertThat(firstExit).isEqualTo(1);
        assertThat(secondExit).isZero();
        assertThat(outbox(ALICE)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 2)
                .containsEntry("FAILURE_REASON", null);
        assertThat(SERVER.acceptedMessageIds()).hasSize(2);
    }

    @Test
    void aServerAskingForAuthenticationRefusesNothingForGood() {
        SERVER.refuse("MAIL FROM:", "530 5.7.0 Authentication required");

        int exit = run(new StringWriter(), "emails", "send");

        assertThat(exit).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT status FROM email_outbox", String.class)).containsOnly("PENDING");
    }

    @Test
    void anImportAfterARefusalExitsWithZero(@TempDir Path dir) throws IOException {
        SERVER.refuse("RCPT TO:<alice@example.com>", "553 5.1.3 mailbox name not allowed");
        run(new StringWriter(), "emails", "send");
        Path cdrs = dir.resolve("cdrs.csv");
        Files.writeString(cdrs, "call_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status\n",
                StandardCharsets.UTF_8);

        StringWriter out = new StringWriter();
        int exit = run(out, "cdrs", "import", cdrs.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).doesNotContain("not sent yet");
    }

    private Map<String, Object> outbox(String number) {
        return jdbc.queryForMap("SELECT status, attempts, failure_reason FROM email_outbox WHERE number = ?", number);
    }

    private int run(StringWriter out, String... args) {
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter()), args);
    }

    private static ScriptedSmtpServer start() {
        try {
            return new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
