package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox is read a page at a time. When H2 cannot take a page's order from an index it reads
 * and sorts every row that matches for each page, and a backlog of 100,000 emails then took ten
 * minutes to deliver instead of seconds; this asks H2's planner, which says "index sorted" when
 * the index gives the order.
 */
@SpringBootTest
class PagedQueryPlanTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void pendingEmailsAreReadInTheOrderOfTheirIndex() {
        assertThat(plan(OutboxDelivery.SELECT_PENDING)).contains("index sorted");
    }

    @Test
    void uncomposedAlertsAreReadInTheOrderOfTheirIndex() {
        assertThat(plan(EmailComposer.SELECT_PAGE)).contains("index sorted");
    }

    private String plan(String query) {
        Object[] zeros = query.chars().filter(c -> c == '?').mapToObj(c -> 0L).toArray();
        return String.join("\n", jdbc.queryForList("EXPLAIN " + query, String.class, zeros));
    }
}
