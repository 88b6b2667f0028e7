package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.CDR_HEADER;
import static org.voipguard.support.ImportFixtures.call;
import static org.voipguard.support.ImportFixtures.csv;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/** From CSV files to emails on a real SMTP server, through the command line the operators use. */
@AlsoOnPostgreSql
@SpringBootTest
class CdrImportEndToEndTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    @BeforeEach
    void emptyDatabaseAndMailbox() throws Exception {
        TestDatabase.clear(jdbc);
        SMTP.purgeEmailFromAllMailboxes();
    }

    @Test
    void importsNumbersAndCallsThenMailsTheCustomersWithTheVoipGuardHeaders() throws Exception {
        Path numbers = csv(dir, "numbers.csv",
                "number,login,number_email,login_email,national_limit_ppm,international_limit_ppm,ip_access_list,ip_agent_notify,bill_warning_level_gbp",
                "+441632960001,acme,alice@acme.example,billing@acme.example,,,,,",
                "+441632960002,solo,bob@solo.example,BOB@solo.example,,,,,",
                "+441632960003,quiet,,,,,,,");
        Path cdrs = csv(dir, "cdrs.csv", CDR_HEADER,
                call("c1", "+441632960001", "2026-11-02T10:00:00Z", "09098790123", "150", "12.00"),
                call("c2", "+441632960001", "2026-11-02T10:30:00Z", "+33140000000", "3", "0.03"),
                call("c3", "+441632960002", "2026-11-02T11:00:00Z", "07700900123", "8", "10.00"),
                call("c4", "+441632960003", "2026-11-02T12:00:00Z", "09098790123", "150", "15.00"));

        assertThat(run("numbers", "import", numbers.toString())).isZero();
        String output = runForOutput("cdrs", "import", cdrs.toString());

        assertThat(output).contains("4 records, 4 imported, 0 duplicates, 0 rejected", "sent, 0 failed, 0 pending");
        MimeMessage[] received = SMTP.getReceivedMessages();
        List<String> raw = Arrays.stream(received).map(GreenMailUtil::getWholeMessage).distinct().toList();
        assertThat(raw).hasSize(3);
        String rateLimit = only(raw, "X-VoIPGuard-Alert: RATE_LIMIT_EXCEEDED");
        assertThat(rateLimit).contains("X-VoIPGuard-Number: +441632960001", "To: alice@acme.example\r\n", "c1", "c2");
        assertThat(rateLimit).doesNotContain("billing@acme.example");
        String aliceWarning = only(raw, "X-VoIPGuard-Number: +441632960001\r\n", "BILL_WARNING");
        assertThat(aliceWarning).contains("To: alice@acme.example, billing@acme.example\r\n", "Message-ID: <");
        String bobWarning = only(raw, "X-VoIPGuard-Number: +441632960002\r\n", "BILL_WARNING");
        assertThat(bobWarning).contains("To: bob@solo.example\r\n");
        assertThat(Arrays.stream(received).filter(m -> header(m, "X-VoIPGuard-Number").equals("+441632960002")))
                .allSatisfy(m -> assertThat(m.getRecipients(Message.RecipientType.TO)).hasSize(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert WHERE number = '+441632960003'", Long.class)).isEqualTo(2);
    }

    @Test
    void aSecondRunOfTheSameFileSendsNothingAgain() throws Exception {
        Path numbers = csv(dir, "numbers.csv",
                "number,login,number_email,login_email,national_limit_ppm,international_limit_ppm,ip_access_list,ip_agent_notify,bill_warning_level_gbp",
                "+441632960001,acme,alice@acme.example,,,,,,");
        Path cdrs = csv(dir, "cdrs.csv", CDR_HEADER, call("c1", "+441632960001", "2026-11-02T10:00:00Z", "09098790123", "150", "1.50"));
        run("numbers", "import", numbers.toString());
        run("cdrs", "import", cdrs.toString());
        int delivered = SMTP.getReceivedMessages().length;

        String output = runForOutput("cdrs", "import", cdrs.toString());

        assertThat(output).contains("already imported");
        assertThat(SMTP.getReceivedMessages()).hasSize(delivered);
    }

    private static String only(List<String> messages, String... fragments) {
        List<String> matching = messages.stream().filter(m -> Arrays.stream(fragments).allMatch(m::contains)).toList();
        assertThat(matching).as("messages containing %s", Arrays.toString(fragments)).hasSize(1);
        return matching.get(0);
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int run(String... args) {
        return CommandLineLauncher.execute(context, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    private String runForOutput(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
        return out.toString();
    }
}
