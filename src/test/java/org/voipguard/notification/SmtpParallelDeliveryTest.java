package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.notification.NotificationFixtures.givenNumber;
import static org.voipguard.notification.NotificationFixtures.newUserAgent;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

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
import org.voipguard.support.TestDatabase;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/** More emails than a page, over several SMTP connections at once: each arrives once, all are marked sent. */
@SpringBootTest(properties = "voipguard.mail.connections=3")
class SmtpParallelDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final String ALICE = "+441632960001";
    private static final int EMAILS = OutboxDelivery.PAGE_SIZE + 120;

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
    void givenANumber() throws Exception {
        TestDatabase.clear(jdbc);
        SMTP.purgeEmailFromAllMailboxes();
        givenNumber(jdbc, ALICE, "alice@example.com", null);
    }

    @Test
    void everyEmailArrivesOnceOverSeveralConnections() throws Exception {
        List<RaisedAlert> raised = IntStream.range(0, EMAILS).mapToObj(i -> newUserAgent(ALICE, "Zoiper rv" + i))
                .toList();
        alerts.store(raised, 1L);

        DeliveryReport report = mailer.sendPending();

        assertThat(report.sent()).isEqualTo(EMAILS);
        assertThat(report.stillPending()).isZero();
        List<String> received = Arrays.stream(SMTP.getReceivedMessages()).map(SmtpParallelDeliveryTest::messageId)
                .toList();
        assertThat(received).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList("SELECT message_id FROM email_outbox", String.class));
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM email_outbox", String.class)).containsExactly("SENT");
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
