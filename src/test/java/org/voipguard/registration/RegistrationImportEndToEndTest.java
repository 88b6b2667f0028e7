package org.voipguard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.REGISTRATION_HEADER;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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

/** Registrar log to customer email over real SMTP; a hostile User-Agent never becomes a header. */
@AlsoOnPostgreSql
@SpringBootTest
class RegistrationImportEndToEndTest {

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
    void givenNumbers() throws Exception {
        TestDatabase.clear(jdbc);
        SMTP.purgeEmailFromAllMailboxes();
        givenNumber(jdbc, "+441632960001", "open@example.com", "login@example.com");
        givenNumber(jdbc, "+441632960002", "locked@example.com", null, "192.0.2.0/29", null);
    }

    @Test
    void eachAlertBecomesOneEmailToTheNumbersAddressAndAHostileUserAgentAddsNoHeader() throws Exception {
        Path log = dir.resolve("registrar.csv");
        Files.writeString(log, REGISTRATION_HEADER + "\n"
                + "2026-11-02T10:00:00Z,+441632960001,198.51.100.20,5060,UDP,\"evil/1.0\r\nBcc: someone@example.net\",OK,3600\n"
                + "2026-11-02T11:00:00Z,+441632960002,203.0.113.66,5060,UDP,friendly-scanner,OK,3600\n",
                StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();

        int exitCode = CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                "registrations", "import", log.toString());

        assertThat(exitCode).as(out.toString()).isZero();
        List<String> raw = Arrays.stream(SMTP.getReceivedMessages()).map(GreenMailUtil::getWholeMessage).toList();
        assertThat(raw).hasSize(2);
        String newPhone = raw.stream().filter(m -> m.contains("X-VoIPGuard-Alert: NEW_IP_AND_USER_AGENT")).findFirst().orElseThrow();
        String headers = newPhone.substring(0, newPhone.indexOf("\r\n\r\n"));
        assertThat(headers).contains("To: open@example.com\r\n", "X-VoIPGuard-Number: +441632960001\r\n")
                .doesNotContain("Bcc", "someone@example.net", "login@example.com");
        assertThat(newPhone).contains("User-Agent:                 evil/1.0Bcc: someone@example.net\r\n");
        assertThat(SMTP.getReceivedMessagesForDomain("example.net")).isEmpty();
        String lockdown = raw.stream().filter(m -> m.contains("X-VoIPGuard-Alert: LOCKDOWN_BLOCKED")).findFirst().orElseThrow();
        assertThat(lockdown).contains("To: locked@example.com\r\n", "203.0.113.66");
    }
}
