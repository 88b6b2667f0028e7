package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.notification.NotificationFixtures.billWarning;
import static org.voipguard.notification.NotificationFixtures.givenNumber;
import static org.voipguard.notification.NotificationFixtures.newUserAgent;
import static org.voipguard.notification.NotificationFixtures.rateLimitExceeded;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/** Alerts stored, composed and delivered to a real SMTP server; assertions on the raw MIME received. */
@AlsoOnPostgreSql
@SpringBootTest(properties = "voipguard.mail.message-id-domain=alerts.example.net")
class SmtpDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final String ALICE = "+441632960001";
    private static final String BOB = "+441632960002";
    private static final String NOBODY = "+441632960003";
    private static final String HOSTILE_AGENT = "evil\r\nBcc: someone@example.net\r\nX-Injected: yes";

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    private AlertStore alerts;
    @Autowired
    private Mailer mailer;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void givenNumbers() throws Exception {
        TestDatabase.clear(jdbc);
        SMTP.purgeEmailFromAllMailboxes();
        givenNumber(jdbc, ALICE, "alice@example.com", "accounts@example.org");
        givenNumber(jdbc, BOB, "bob@example.com", "BOB@example.com");
        givenNumber(jdbc, NOBODY, null, null);
    }

    @Test
    void billWarningReachesTheNumberAndTheLoginAddressWithTheVoipGuardHeaders() throws Exception {
        RaisedAlert warning = billWarning(ALICE, "2025-03", "20.00");
        alerts.store(List.of(warning), 1L);

        DeliveryReport report = mailer.sendPending();

        assertThat(report).isEqualTo(new DeliveryReport(1, 0, 0, "smtp://127.0.0.1:" + SMTP.getSmtp().getPort()));
        String raw = onlyMessage();
        String headers = headerSection(raw);
        assertThat(headers).contains("X-VoIPGuard-Alert: BILL_WARNING\r\n", "X-VoIPGuard-Number: " + ALICE + "\r\n",
                "Message-ID: " + storedMessageId(warning) + "\r\n", "To: alice@example.com, accounts@example.org\r\n",
                "Subject: VoIPGuard: bill warning for " + ALICE + "\r\n", "Content-Type: text/plain; charset=UTF-8");
        assertThat(storedMessageId(warning)).matches("<[0-9a-f]{32}@alerts\\.example\\.net>");
        assertThat(inboxSize("alice@example.com")).isEqualTo(1);
        assertThat(inboxSize("accounts@example.org")).isEqualTo(1);
        assertThat(raw).contains("GBP", "20.00", "2025-03");
    }

    @Test
    void aBillWarningGoesOnceWhenNumberAndLoginShareAnAddressAndNowhereWithoutOne() {
        alerts.store(List.of(billWarning(BOB, "2025-03", "10.00"), billWarning(NOBODY, "2025-03", "10.00")), 1L);

        DeliveryReport report = mailer.sendPending();

        assertThat(report.sent()).isEqualTo(1);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(headerSection(onlyMessage())).contains("To: bob@example.com\r\n", "X-VoIPGuard-Number: " + BOB);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert WHERE number = ?", Integer.class, NOBODY))
                .isEqualTo(1);
    }

    @Test
    void twoRateLimitAlertsOfOneNumberInOneRunGiveOneEmailListingBothCalls() throws Exception {
        alerts.store(List.of(rateLimitExceeded(ALICE, "c-1", "09098790123", "150"),
                rateLimitExceeded(ALICE, "c-2", "0035space12345", "45")), 7L);

        mailer.sendPending();

        String raw = onlyMessage();
        assertThat(headerSection(raw)).contains("X-VoIPGuard-Alert: RATE_LIMIT_EXCEEDED\r\n", "To: alice@example.com\r\n");
        assertThat(body(SMTP.getReceivedMessages()[0])).contains("Call 1 of 2", "c-1", "09098790123",
                "Call 2 of 2", "c-2", "0035space12345");
    }

    @Test
    void aHostileUserAgentReachesNoHeaderAndStaysOnOneBodyLine() throws Exception {
        alerts.store(List.of(newUserAgent(ALICE, HOSTILE_AGENT)), 1L);

        mailer.sendPending();

        String raw = onlyMessage();
        String headers = headerSection(raw);
        assertThat(headers.lines()).noneMatch(line -> line.regionMatches(true, 0, "Bcc:", 0, 4))
                .noneMatch(line -> line.regionMatches(true, 0, "X-Injected", 0, 10));
        assertThat(raw.lines()).noneMatch(line -> line.startsWith("Bcc:") || line.startsWith("X-Injected"));
        assertThat(inboxSize("someone@example.net")).isZero();
        String agentLine = body(SMTP.getReceivedMessages()[0]).lines()
                .filter(line -> line.contains("User-Agent:")).findFirst().orElseThrow();
        assertThat(agentLine).endsWith("evilBcc: someone@example.netX-Injected: yes");
        assertThat(headers).contains("X-VoIPGuard-Alert: NEW_USER_AGENT\r\n");
    }

    @Test
    void composingAndDeliveringTwiceSendsNothingTwice() {
        alerts.store(List.of(rateLimitExceeded(ALICE, "c-1", "09098790123", "150"),
                billWarning(ALICE, "2025-03", "10.00"), newUserAgent(BOB, "Zoiper rv2.10")), 1L);
        mailer.sendPending();
        int received = SMTP.getReceivedMessages().length;

        alerts.store(List.of(rateLimitExceeded(ALICE, "c-1", "09098790123", "150")), 2L);
        DeliveryReport second = mailer.sendPending();

        assertThat(received).isEqualTo(4);
        assertThat(second.sent()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(received);
        Map<String, Long> copiesPerMessageId = Arrays.stream(SMTP.getReceivedMessages())
                .collect(Collectors.groupingBy(SmtpDeliveryTest::messageId, Collectors.counting()));
        assertThat(copiesPerMessageId).hasSize(3);
        assertThat(jdbc.queryForList("SELECT status FROM email_outbox", String.class)).containsOnly("SENT");
    }

    private String onlyMessage() {
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(Arrays.stream(received).map(SmtpDeliveryTest::messageId).distinct()).hasSize(1);
        return GreenMailUtil.getWholeMessage(received[0]);
    }

    /** Messages in one recipient's mailbox: what the SMTP envelope delivered, whatever the headers say. */
    private static int inboxSize(String address) throws Exception {
        GreenMailUser user = SMTP.getUserManager().getUserByEmail(address);
        return user == null ? 0 : SMTP.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }

    private static String headerSection(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        assertThat(end).isPositive();
        return raw.substring(0, end + 2);
    }

    private static String body(MimeMessage message) throws Exception {
        return (String) message.getContent();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String storedMessageId(RaisedAlert alert) {
        return jdbc.queryForObject("SELECT e.message_id FROM email_outbox e JOIN alert_email c ON c.email_id = e.id JOIN alert a ON a.id = c.alert_id"
                + " WHERE a.alert_key = ?", String.class, alert.key());
    }
}
