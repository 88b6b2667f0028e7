package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.notification.NotificationFixtures.billWarning;
import static org.voipguard.notification.NotificationFixtures.givenNumber;
import static org.voipguard.notification.NotificationFixtures.lockdownBlocked;
import static org.voipguard.notification.NotificationFixtures.newUserAgent;
import static org.voipguard.notification.NotificationFixtures.rateLimitExceeded;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.numbers.SettingsLookup;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

@AlsoOnPostgreSql
@SpringBootTest(properties = "voipguard.outbox-dir=target/notification-outbox")
class EmailComposerTest {

    private static final String ALICE = "+441632960001";
    private static final String BOB = "+441632960002";
    private static final String NOBODY = "+441632960003";

    @Autowired
    private EmailComposer composer;
    @Autowired
    private AlertStore alerts;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void givenNumbers() {
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@example.com", "accounts@example.org");
        givenNumber(jdbc, BOB, "bob@example.com", "Bob@Example.com");
        givenNumber(jdbc, NOBODY, null, null);
    }

    @Test
    void rateLimitAlertsOfOneNumberInOneJobBecomeOneEmailListingTheCalls() {
        alerts.store(List.of(rateLimitExceeded(ALICE, "c-1", "09098790123", "150"),
                rateLimitExceeded(ALICE, "c-2", "09098790999", "155")), 7L);
        alerts.store(List.of(rateLimitExceeded(ALICE, "c-3", "09098790555", "150")), 8L);
        alerts.store(List.of(rateLimitExceeded(BOB, "c-4", "09098790123", "150")), 7L);

        ComposeReport report = composer.composePending();

        assertThat(report).isEqualTo(new ComposeReport(4, 3, 0));
        Map<String, Object> jobSeven = emailOf("RATE_LIMIT_EXCEEDED:c-1");
        assertThat(emailOf("RATE_LIMIT_EXCEEDED:c-2")).containsEntry("ID", jobSeven.get("ID"));
        assertThat(jobSeven.get("BODY").toString())
                .contains("2 calls from your VoIP number " + ALICE)
                .contains("Call 1 of 2", "09098790123", "Call 2 of 2", "09098790999", "155")
                .doesNotContain("09098790555");
        assertThat(emailOf("RATE_LIMIT_EXCEEDED:c-3").get("ID")).isNotEqualTo(jobSeven.get("ID"));
        assertThat(emailOf("RATE_LIMIT_EXCEEDED:c-4").get("RECIPIENTS")).isEqualTo("bob@example.com");
    }

    @Test
    void aBacklogLongerThanAPageIsComposedWholeAndARateLimitEmailSpanningPagesStaysOne() {
        alerts.store(List.of(rateLimitExceeded(ALICE, "c-1", "09098790123", "150")), 7L);
        alerts.store(userAgentsOfBob(0, EmailComposer.PAGE_SIZE + 200), 7L);
        alerts.store(List.of(rateLimitExceeded(ALICE, "c-2", "09098790999", "155")), 7L);
        alerts.store(userAgentsOfBob(EmailComposer.PAGE_SIZE + 200, 2 * EmailComposer.PAGE_SIZE + 100), 7L);
        alerts.store(List.of(rateLimitExceeded(ALICE, "c-3", "09098790555", "160")), 7L);

        ComposeReport report = composer.composePending();

        int userAgents = 2 * EmailComposer.PAGE_SIZE + 100;
        assertThat(report).isEqualTo(new ComposeReport(userAgents + 3, userAgents + 1, 0));
        Map<String, Object> rateLimit = emailOf("RATE_LIMIT_EXCEEDED:c-1");
        assertThat(emailOf("RATE_LIMIT_EXCEEDED:c-3")).containsEntry("ID", rateLimit.get("ID"));
        assertThat(rateLimit.get("BODY").toString()).contains("Call 1 of 3", "Call 3 of 3", "09098790555");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert a WHERE NOT EXISTS (SELECT 1 FROM alert_email c WHERE c.alert_id = a.id)", Integer.class)).isZero();
    }

    @Test
    void aBacklogNamingMoreNumbersThanAreReadPageByPageReachesEveryAddressAsBefore() {
        // given alerts of more numbers than a run reads page by page, then Alice's bill warning
        List<String> many = IntStream.range(0, SettingsLookup.READ_ALL_AFTER + 1)
                .mapToObj(i -> String.format("+4420794%07d", i)).toList();
        many.forEach(number -> givenNumber(jdbc, number, "n" + number.substring(1) + "@example.com", null));
        alerts.store(many.stream().map(n -> newUserAgent(n, "Zoiper rv2.10")).toList(), 7L);
        alerts.store(List.of(billWarning(ALICE, "2025-03", "10.00"), billWarning(NOBODY, "2025-03", "10.00"),
                newUserAgent("+441632960099", "x")), 8L);

        // when they are composed
        ComposeReport report = composer.composePending();

        // then every number's email went to its own address, and the last pages' as well
        assertThat(report).isEqualTo(new ComposeReport(many.size() + 3, many.size() + 1, 2));
        assertThat(emailOf(newUserAgent(many.get(many.size() - 1), "Zoiper rv2.10").key()).get("RECIPIENTS"))
                .isEqualTo("n" + many.get(many.size() - 1).substring(1) + "@example.com");
        assertThat(emailOf(billWarning(ALICE, "2025-03", "10.00").key()).get("RECIPIENTS"))
                .isEqualTo("alice@example.com, accounts@example.org");
    }

    private static List<RaisedAlert> userAgentsOfBob(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> newUserAgent(BOB, "agent " + i)).toList();
    }

    @Test
    void billWarningsGoToTheNumberAndTheLoginAddressOnceEach() {
        alerts.store(List.of(billWarning(ALICE, "2025-03", "10.00"), billWarning(BOB, "2025-03", "10.00")), 1L);

        composer.composePending();

        assertThat(emailOf(billWarning(ALICE, "2025-03", "10.00").key()).get("RECIPIENTS"))
                .isEqualTo("alice@example.com, accounts@example.org");
        assertThat(emailOf(billWarning(BOB, "2025-03", "10.00").key()).get("RECIPIENTS"))
                .isEqualTo("bob@example.com");
    }

    @Test
    void otherAlertsGoToTheNumberAddressOnly() {
        alerts.store(List.of(newUserAgent(ALICE, "Zoiper rv2.10"), lockdownBlocked(ALICE, "203.0.113.9")), 1L);

        composer.composePending();

        assertThat(jdbc.queryForList("SELECT recipients FROM email_outbox", String.class))
                .containsExactly("alice@example.com", "alice@example.com");
        assertThat(emailOf(lockdownBlocked(ALICE, "203.0.113.9").key()).get("BODY").toString())
                .contains("someone else has your SIP password", "203.0.113.9", "Change the SIP password");
    }

    @Test
    void anAlertWithoutAddressStaysStoredIsMarkedComposedAndIsNeverComposedAgain() {
        alerts.store(List.of(billWarning(NOBODY, "2025-03", "10.00"), newUserAgent("+441632960099", "x")), 1L);

        ComposeReport first = composer.composePending();
        ComposeReport second = composer.composePending();

        assertThat(first).isEqualTo(new ComposeReport(2, 0, 2));
        assertThat(second).isEqualTo(new ComposeReport(0, 0, 0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert_email WHERE email_id IS NULL",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void composingAgainAddsNoEmailAndALaterAlertGetsItsOwn() {
        alerts.store(List.of(rateLimitExceeded(ALICE, "c-1", "09098790123", "150")), 7L);
        composer.composePending();

        ComposeReport again = composer.composePending();
        alerts.store(List.of(rateLimitExceeded(ALICE, "c-1", "09098790123", "150"),
                rateLimitExceeded(ALICE, "c-2", "09098790999", "150")), 7L);
        ComposeReport afterRerun = composer.composePending();

        assertThat(again.emails()).isZero();
        assertThat(afterRerun).isEqualTo(new ComposeReport(1, 1, 0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox", Integer.class)).isEqualTo(2);
    }

    @Test
    void theMessageIdIsDerivedFromTheSortedAlertKeys() {
        alerts.store(List.of(rateLimitExceeded(ALICE, "c-2", "09098790999", "150"),
                rateLimitExceeded(ALICE, "c-1", "09098790123", "150")), 7L);

        composer.composePending();

        String messageId = (String) emailOf("RATE_LIMIT_EXCEEDED:c-1").get("MESSAGE_ID");
        assertThat(messageId).matches("<[0-9a-f]{32}@voipguard\\.invalid>")
                .isEqualTo(MessageIds.forAlertKeys(List.of("RATE_LIMIT_EXCEEDED:c-1", "RATE_LIMIT_EXCEEDED:c-2"),
                        "voipguard.invalid"));
    }

    @Test
    void subjectsUseOnlyTheTypeTheNumberAndFixedText() {
        RaisedAlert hostile = newUserAgent(ALICE, "evil\r\nSubject: win a prize");
        alerts.store(List.of(hostile), 1L);

        composer.composePending();

        Map<String, Object> email = emailOf(hostile.key());
        assertThat(email.get("SUBJECT"))
                .isEqualTo("VoIPGuard: new phone software (User-Agent) registered on " + ALICE);
        assertThat(email.get("BODY").toString()).contains("evilSubject: win a prize").doesNotContain("\r");
    }

    @Test
    void anAlertTypeTheTemplatesDoNotKnowStillBecomesAnEmail() {
        alerts.store(List.of(new RaisedAlert("night_calls!", ALICE, "NIGHT:c-9", "analyst rule", "v1",
                Map.of("call_id", "c-9"))), 1L);

        composer.composePending();

        Map<String, Object> email = emailOf("NIGHT:c-9");
        assertThat(email.get("ALERT_TYPE")).isEqualTo("NIGHT_CALLS");
        assertThat(email.get("SUBJECT")).isEqualTo("VoIPGuard: night calls alert for " + ALICE);
        assertThat(email.get("BODY").toString())
                .contains("VoIPGuard raised a night calls alert for your VoIP number " + ALICE + ".")
                .contains("Call reference", "c-9");
    }

    private Map<String, Object> emailOf(String alertKey) {
        return jdbc.queryForMap("SELECT e.*, b.body FROM email_outbox e JOIN email_body b ON b.email_id = e.id"
                + " JOIN alert_email c ON c.email_id = e.id JOIN alert a ON a.id = c.alert_id WHERE a.alert_key = ?", alertKey);
    }
}
