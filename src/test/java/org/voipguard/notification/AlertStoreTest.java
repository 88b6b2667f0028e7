package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.notification.NotificationFixtures.billWarning;
import static org.voipguard.notification.NotificationFixtures.newUserAgent;
import static org.voipguard.notification.NotificationFixtures.rateLimitExceeded;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

@AlsoOnPostgreSql
@SpringBootTest(properties = "voipguard.outbox-dir=target/notification-outbox")
class AlertStoreTest {

    private static final String NUMBER = "+441632960001";

    @Autowired
    private AlertStore store;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.clear(jdbc);
    }

    @Test
    void storesNewAlertsWithTheirRuleJobAndFacts() {
        int added = store.store(List.of(rateLimitExceeded(NUMBER, "c-1", "09098790123", "150")), 41L);

        assertThat(added).isEqualTo(1);
        StoredAlert stored = store.recent(NUMBER, 10).get(0);
        assertThat(stored.key()).isEqualTo("RATE_LIMIT_EXCEEDED:c-1");
        assertThat(stored.type()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(stored.ruleName()).isEqualTo("P1 national call above the number's limit");
        assertThat(stored.ruleSetVersion()).isEqualTo(NotificationFixtures.RULES_VERSION);
        assertThat(stored.importId()).isEqualTo(41L);
        assertThat(stored.facts()).containsEntry("dialled", "09098790123").containsEntry("price_ppm", "150");
        assertThat(stored.createdAt()).isNotNull();
        assertThat(stored.emailId()).isNull();
    }

    @Test
    void storingTheSameAlertsAgainAddsNothing() {
        List<RaisedAlert> alerts = List.of(rateLimitExceeded(NUMBER, "c-1", "09098790123", "150"),
                billWarning(NUMBER, "2025-03", "10.00"));
        store.store(alerts, 1L);

        int addedOnRerun = store.store(alerts, 2L);

        assertThat(addedOnRerun).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert", Integer.class)).isEqualTo(2);
    }

    @Test
    void countsOnlyTheNewOnesOfAMixedBatchAndOneOfAKeyRepeatedInIt() {
        store.store(List.of(rateLimitExceeded(NUMBER, "c-1", "09098790123", "150")), 1L);

        int added = store.store(List.of(rateLimitExceeded(NUMBER, "c-1", "09098790123", "150"),
                rateLimitExceeded(NUMBER, "c-2", "09098790124", "150"),
                rateLimitExceeded(NUMBER, "c-2", "09098790124", "150")), null);

        assertThat(added).isEqualTo(1);
        assertThat(store.recent(NUMBER, 10)).extracting(StoredAlert::key)
                .containsExactlyInAnyOrder("RATE_LIMIT_EXCEEDED:c-1", "RATE_LIMIT_EXCEEDED:c-2");
    }

    @Test
    void aKeyLongerThanTheColumnIsShortenedTheSameWayEachTime() {
        RaisedAlert longKey = new RaisedAlert("NEW_USER_AGENT", NUMBER, "NEW_USER_AGENT:" + "x".repeat(400),
                "P4", "v1", Map.of("user_agent", "y".repeat(20_000)));

        assertThat(store.store(List.of(longKey), 1L)).isEqualTo(1);
        assertThat(store.store(List.of(longKey), 2L)).isZero();
        StoredAlert stored = store.recent(NUMBER, 1).get(0);
        assertThat(stored.key()).hasSizeLessThanOrEqualTo(AlertStore.MAX_KEY_LENGTH).contains("#");
        assertThat(stored.facts().get("user_agent")).startsWith("yyyy").hasSizeLessThanOrEqualTo(1000);
    }

    @Test
    void recentListsANumbersAlertsNewestFirstUpToTheLimit() {
        store.store(List.of(rateLimitExceeded(NUMBER, "c-1", "09098790123", "150")), 1L);
        store.store(List.of(newUserAgent(NUMBER, "Zoiper rv2.10")), 2L);
        store.store(List.of(billWarning(NUMBER, "2025-03", "10.00")), 3L);
        store.store(List.of(billWarning("+441632960002", "2025-03", "10.00")), 3L);

        List<StoredAlert> recent = store.recent(NUMBER, 2);

        assertThat(recent).extracting(StoredAlert::type).containsExactly("BILL_WARNING", "NEW_USER_AGENT");
        assertThat(store.recent(NUMBER, 0)).isEmpty();
    }
}
