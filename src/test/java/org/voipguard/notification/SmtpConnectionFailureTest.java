package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.notification.NotificationFixtures.givenNumber;
import static org.voipguard.notification.NotificationFixtures.lockdownBlocked;
import static org.voipguard.notification.NotificationFixtures.newUserAgent;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voipguard.notification.ScriptedSmtpServer.AfterData;
import org.voipguard.support.TestDatabase;

/** A connection that fails half way through an SMTP session: nothing lost, nothing sent twice that could be known. */
@SpringBootTest
class SmtpConnectionFailureTest {

    private static final String ALICE = "+441632960001";
    private static final ScriptedSmtpServer SERVER = start();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SERVER::port);
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "1000");
    }

    @Autowired
    private AlertStore alerts;
    @Autowired
    private Mailer mailer;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void givenTwoAlerts() {
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@example.com", null);
        alerts.store(List.of(newUserAgent(ALICE, "Zoiper rv2.10"), lockdownBlocked(ALICE, "203.0.113.9")), 1L);
    }

    @AfterAll
    static void stop() throws IOException {
        SERVER.close();
    }

    @Test
    void aMessageTheServerAcceptedBeforeTheConnectionFailedIsNotSentAgain() {
        SERVER.afterData(AfterData.ACCEPT_THEN_HANG);
        int before = SERVER.acceptedMessageIds().size();

        DeliveryReport first = mailer.sendPending();
        SERVER.afterData(AfterData.BEHAVE);
        DeliveryReport second = mailer.sendPending();

        assertThat(first.sent()).isEqualTo(2);
        assertThat(second.sent()).isZero();
        List<String> accepted = SERVER.acceptedMessageIds().subList(before, SERVER.acceptedMessageIds().size());
        assertThat(accepted).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList("SELECT message_id FROM email_outbox", String.class));
        assertThat(jdbc.queryForList("SELECT status FROM email_outbox", String.class)).containsOnly("SENT");
    }

    @Test
    void aMessageWhoseAcceptanceNeverCameStaysPendingAndIsSentAgainNotLost() {
        SERVER.afterData(AfterData.DROP_BEFORE_REPLY);
        int before = SERVER.acceptedMessageIds().size();

        DeliveryReport first = mailer.sendPending();
        SERVER.afterData(AfterData.BEHAVE);
        DeliveryReport second = mailer.sendPending();

        assertThat(first.sent()).isZero();
        assertThat(first.stillPending()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT attempts FROM email_outbox", Integer.class)).containsOnly(2);
        assertThat(second.sent()).isEqualTo(2);
        assertThat(SERVER.acceptedMessageIds().subList(before, SERVER.acceptedMessageIds().size()))
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList("SELECT message_id FROM email_outbox", String.class));
    }

    @Test
    void theEmailsOfARunShareOneConnection() {
        SERVER.clearLog();

        DeliveryReport report = mailer.sendPending();

        assertThat(report.sent()).isEqualTo(2);
        assertThat(SERVER.commands()).filteredOn(command -> command.startsWith("EHLO")).hasSize(1);
        assertThat(SERVER.commands()).filteredOn(command -> command.equals("DATA")).hasSize(2);
    }

    @Test
    void aServerThatClosesTheConnectionAfterEachMessageStillGetsEveryMessageOnce() {
        SERVER.afterData(AfterData.ACCEPT_THEN_CLOSE);
        SERVER.clearLog();

        DeliveryReport report = mailer.sendPending();
        SERVER.afterData(AfterData.BEHAVE);

        assertThat(report.sent()).isEqualTo(2);
        assertThat(report.stillPending()).isZero();
        assertThat(SERVER.acceptedMessageIds()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList("SELECT message_id FROM email_outbox", String.class));
    }

    private static ScriptedSmtpServer start() {
        try {
            return new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
