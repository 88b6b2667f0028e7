package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.notification.NotificationFixtures.billWarning;
import static org.voipguard.notification.NotificationFixtures.givenNumber;
import static org.voipguard.notification.NotificationFixtures.lockdownBlocked;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/** Without {@code spring.mail.host}, {@code emails send} writes .eml files to the outbox directory. */
@AlsoOnPostgreSql
@SpringBootTest(properties = "voipguard.outbox-dir=target/notification-outbox")
class EmlOutboxTest {

    private static final Path OUTBOX = Path.of("target/notification-outbox");
    private static final String ALICE = "+441632960001";

    @Autowired
    private AlertStore alerts;
    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void givenAnEmptyOutbox() throws Exception {
        TestDatabase.clear(jdbc);
        if (Files.exists(OUTBOX)) {
            try (Stream<Path> files = Files.walk(OUTBOX)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        givenNumber(jdbc, ALICE, "alice@example.com", "accounts@example.org");
    }

    @Test
    void emailsSendWritesOneParseableEmlFilePerEmailWithTheSameHeaders() throws Exception {
        alerts.store(List.of(billWarning(ALICE, "2025-03", "10.00"), lockdownBlocked(ALICE, "203.0.113.9")), 3L);

        StringWriter out = new StringWriter();
        int exit = CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                "emails", "send");

        assertThat(exit).isZero();
        assertThat(out.toString().strip()).isEqualTo("emails send: 2 sent, 0 failed, 0 pending (to "
                + OUTBOX.normalize() + OUTBOX.getFileSystem().getSeparator() + ")");
        List<Path> files = outboxFiles();
        assertThat(files).hasSize(2);
        assertThat(files.get(0).getFileName().toString()).matches("\\d{8}-\\d{6}-\\d+-BILL_WARNING\\.eml");
        assertThat(files.get(1).getFileName().toString()).matches("\\d{8}-\\d{6}-\\d+-LOCKDOWN_BLOCKED\\.eml");

        MimeMessage warning = parse(files.get(0));
        assertThat(warning.getHeader("X-VoIPGuard-Alert", null)).isEqualTo("BILL_WARNING");
        assertThat(warning.getHeader("X-VoIPGuard-Number", null)).isEqualTo(ALICE);
        assertThat(warning.getMessageID()).isEqualTo(jdbc.queryForObject(
                "SELECT message_id FROM email_outbox WHERE alert_type = 'BILL_WARNING'", String.class));
        assertThat(warning.getRecipients(RecipientType.TO)).extracting(Object::toString)
                .containsExactly("alice@example.com", "accounts@example.org");
        assertThat(warning.getFrom()[0].toString()).isEqualTo("VoIPGuard <voipguard@localhost>");
        assertThat(warning.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");

        MimeMessage lockdown = parse(files.get(1));
        assertThat(lockdown.getHeader("X-VoIPGuard-Alert", null)).isEqualTo("LOCKDOWN_BLOCKED");
        assertThat(lockdown.getRecipients(RecipientType.TO)).extracting(Object::toString)
                .containsExactly("alice@example.com");
        assertThat((String) lockdown.getContent()).contains("someone else has your SIP password", "203.0.113.9");
    }

    @Test
    void aSecondRunWritesNothingMore() throws Exception {
        alerts.store(List.of(billWarning(ALICE, "2025-03", "10.00")), 3L);
        StringWriter out = new StringWriter();
        CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                "emails", "send");

        StringWriter second = new StringWriter();
        int exit = CommandLineLauncher.execute(context, new PrintWriter(second, true),
                new PrintWriter(new StringWriter()), "emails", "send");

        assertThat(exit).isZero();
        assertThat(second.toString()).startsWith("emails send: 0 sent, 0 failed, 0 pending");
        assertThat(outboxFiles()).hasSize(1);
    }

    @Test
    void aPageADeadRunWasSendingIsSettledFromTheFilesItWroteAndTheRestAreWrittenOnce() throws Exception {
        alerts.store(List.of(billWarning(ALICE, "2025-03", "10.00"), billWarning(ALICE, "2025-04", "10.00"),
                lockdownBlocked(ALICE, "203.0.113.9")), 3L);
        send();
        Path unwritten = outboxFiles().get(1);
        String unwrittenIdAndType = unwritten.getFileName().toString().substring("yyyyMMdd-HHmmss".length());
        Files.delete(unwritten);
        Files.writeString(OUTBOX.resolve(".writing-2-half.tmp"), "Message-ID: <half");
        jdbc.update("UPDATE email_outbox SET status = 'PENDING', sent_at = NULL, attempts = 0");
        jdbc.update("INSERT INTO outbox_sending (id, first_id, last_id) SELECT 1, MIN(id), MAX(id) FROM email_outbox");

        String second = send();

        assertThat(second).startsWith("emails send: 1 sent, 0 failed, 0 pending");
        List<Path> files = outboxFiles();
        assertThat(files).hasSize(3);
        assertThat(files.get(1).getFileName().toString()).endsWith(unwrittenIdAndType);
        assertThat(jdbc.queryForList("SELECT status FROM email_outbox", String.class)).containsOnly("SENT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_sending", Integer.class)).isZero();
    }

    private String send() {
        StringWriter out = new StringWriter();
        CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                "emails", "send");
        return out.toString();
    }

    private static List<Path> outboxFiles() throws Exception {
        try (Stream<Path> files = Files.list(OUTBOX)) {
            return files.sorted(Comparator.comparing(EmlOutboxTest::emailId)).toList();
        }
    }

    private static long emailId(Path file) {
        return Long.parseLong(file.getFileName().toString().split("-")[2]);
    }

    private static MimeMessage parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
