package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.notification.NotificationFixtures.billWarning;
import static org.voipguard.notification.NotificationFixtures.callPattern;
import static org.voipguard.notification.NotificationFixtures.givenNumber;
import static org.voipguard.notification.NotificationFixtures.rateLimitExceeded;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/** The header {@code X-VoIPGuard-Severity} comes from the alerts' {@code severity} fact, checked, never copied. */
@AlsoOnPostgreSql
@SpringBootTest(properties = "voipguard.outbox-dir=target/severity-outbox")
class SeverityHeaderTest {

    private static final Path OUTBOX = Path.of("target/severity-outbox");
    private static final String ALICE = "+441632960001";
    private static final String HEADER = "X-VoIPGuard-Severity";

    @Autowired
    private AlertStore alerts;
    @Autowired
    private EmailComposer composer;
    @Autowired
    private OutboxDelivery delivery;
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
        givenNumber(jdbc, ALICE, "alice@example.com", null);
    }

    @Test
    void aCriticalCallRateAlertIsEmailedWithTheSeverityHeader() throws Exception {
        alerts.store(List.of(callPattern(ALICE, "CALL_RATE", "c-1", "CRITICAL")), 1L);

        MimeMessage email = theOnlyEmailSent();

        assertThat(email.getHeader("X-VoIPGuard-Alert", null)).isEqualTo("CALL_RATE");
        assertThat(email.getHeader(HEADER, null)).isEqualTo("CRITICAL");
        assertThat((String) email.getContent()).contains("started more calls within a minute", "CRITICAL");
    }

    @Test
    void anAlertWithoutASeverityHasNoSeverityHeader() throws Exception {
        alerts.store(List.of(billWarning(ALICE, "2025-03", "10.00")), 1L);

        assertThat(theOnlyEmailSent().getHeader(HEADER)).isNull();
    }

    @Test
    void aSeverityThatIsNotExactlyWarningOrCriticalNeverReachesTheHeader() throws Exception {
        alerts.store(List.of(callPattern(ALICE, "CALL_RATE", "c-2", "CRITICAL\r\nBcc: mallory@example.net")), 1L);

        MimeMessage email = theOnlyEmailSent();

        assertThat(email.getHeader(HEADER)).isNull();
        assertThat(email.getHeader("Bcc")).isNull();
    }

    @Test
    void anEmailListingSeveralAlertsCarriesTheHighestSeverity() throws Exception {
        alerts.store(List.of(withSeverity(rateLimitExceeded(ALICE, "c-3", "09098790123", "150"), "WARNING"),
                withSeverity(rateLimitExceeded(ALICE, "c-4", "09098790124", "150"), "CRITICAL"),
                rateLimitExceeded(ALICE, "c-5", "09098790125", "150")), 1L);

        assertThat(theOnlyEmailSent().getHeader(HEADER, null)).isEqualTo("CRITICAL");
    }

    private MimeMessage theOnlyEmailSent() throws Exception {
        composer.composePending();
        delivery.deliverPending();
        try (Stream<Path> files = Files.list(OUTBOX)) {
            List<Path> emails = files.toList();
            assertThat(emails).hasSize(1);
            try (InputStream in = Files.newInputStream(emails.get(0))) {
                return new MimeMessage(Session.getInstance(new Properties()), in);
            }
        }
    }

    private static RaisedAlert withSeverity(RaisedAlert alert, String severity) {
        Map<String, String> facts = new LinkedHashMap<>(alert.facts());
        facts.put("severity", severity);
        return new RaisedAlert(alert.type(), alert.number(), alert.key(), alert.ruleName(), alert.ruleSetVersion(),
                facts);
    }
}
