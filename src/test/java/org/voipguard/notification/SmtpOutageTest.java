package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.notification.NotificationFixtures.givenNumber;
import static org.voipguard.notification.NotificationFixtures.newUserAgent;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

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
import org.voipguard.support.GeneratedInputs;
import org.voipguard.support.TestDatabase;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** An SMTP server that is down when a run starts and up for the next run: emails wait, then go once. */
@AlsoOnPostgreSql
@SpringBootTest
class SmtpOutageTest {

    private static final String ALICE = "+441632960001";
    private static final int PORT = freePort();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
    }

    @Autowired
    private AlertStore alerts;
    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void givenAnAlertForANumberWithAnAddress() {
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@example.com", null);
        alerts.store(List.of(newUserAgent(ALICE, "Zoiper rv2.10")), 1L);
    }

    @Test
    void aFailedSendStaysPendingAndTheNextRunSendsItExactlyOnce() {
        StringWriter firstOut = new StringWriter();
        int firstExit = emailsSend(firstOut);

        assertThat(firstExit).isEqualTo(1);
        assertThat(firstOut.toString().strip())
                .isEqualTo("emails send: 0 sent, 1 failed, 1 pending (to smtp://127.0.0.1:" + PORT + ")");
        Map<String, Object> pending = jdbc.queryForMap("SELECT status, attempts, last_error FROM email_outbox");
        assertThat(pending).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1);
        assertThat((String) pending.get("LAST_ERROR")).isNotBlank().hasSizeLessThanOrEqualTo(1000);

        GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            StringWriter secondOut = new StringWriter();
            int secondExit = emailsSend(secondOut);
            int thirdExit = emailsSend(new StringWriter());

            assertThat(secondExit).isZero();
            assertThat(thirdExit).isZero();
            assertThat(secondOut.toString().strip())
                    .isEqualTo("emails send: 1 sent, 0 failed, 0 pending (to smtp://127.0.0.1:" + PORT + ")");
            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(jdbc.queryForMap("SELECT status, sent_at FROM email_outbox"))
                    .containsEntry("STATUS", "SENT").extractingByKey("SENT_AT").isNotNull();
        } finally {
            server.stop();
        }
    }

    @Test
    void anImportWithTheServerDownFinishesKeepsItsEmailsPendingAndSaysSoThenEachIsSentOnce(@TempDir Path dir)
            throws Exception {
        run(new StringWriter(), "numbers", "import", GeneratedInputs.numbers(dir.resolve("numbers.csv")).toString());
        Path cdrs = GeneratedInputs.cdrs(dir.resolve("cdrs.csv"), 600);

        StringWriter importOut = new StringWriter();
        int importExit = run(importOut, "cdrs", "import", cdrs.toString());

        List<String> pending = jdbc.queryForList("SELECT message_id FROM email_outbox WHERE status = 'PENDING'",
                String.class);
        assertThat(importExit).as("the exit code says emails are pending").isEqualTo(1);
        assertThat(importOut.toString())
                .contains("cdrs import: 1 files imported, 0 skipped, 0 failed; 600 records read, 600 imported")
                .contains("cdrs import: 0 sent, 1 failed, " + pending.size() + " pending (to smtp://127.0.0.1:" + PORT + ")")
                .contains("cdrs import: " + pending.size() + " emails not sent yet: they stay pending");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr", Integer.class)).isEqualTo(600);
        assertThat(pending).hasSizeGreaterThanOrEqualTo(4)
                .hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox", Integer.class));

        GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            int sendExit = emailsSend(new StringWriter());
            int againExit = emailsSend(new StringWriter());

            assertThat(sendExit).isZero();
            assertThat(againExit).isZero();
            List<String> received = Arrays.stream(server.getReceivedMessages()).map(SmtpOutageTest::messageId)
                    .distinct().toList();
            assertThat(received).containsExactlyInAnyOrderElementsOf(pending);
            Map<String, Long> copies = Arrays.stream(server.getReceivedMessages())
                    .collect(Collectors.groupingBy(SmtpOutageTest::messageId, Collectors.counting()));
            Map<String, Long> recipients = jdbc.query("SELECT message_id, recipients FROM email_outbox", rs -> {
                Map<String, Long> byMessage = new java.util.HashMap<>();
                while (rs.next()) {
                    byMessage.put(rs.getString(1), (long) rs.getString(2).split(",").length);
                }
                return byMessage;
            });
            assertThat(copies).as("one copy per message and recipient").isEqualTo(recipients);
            assertThat(jdbc.queryForList("SELECT status FROM email_outbox", String.class)).containsOnly("SENT");
        } finally {
            server.stop();
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int run(StringWriter out, String... args) {
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter()), args);
    }

    private int emailsSend(StringWriter out) {
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                "emails", "send");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
