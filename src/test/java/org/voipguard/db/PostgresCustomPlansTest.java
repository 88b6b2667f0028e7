package org.voipguard.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.support.AlsoOnPostgreSql;

/** On PostgreSQL every connection of the pool plans each statement for its parameters. */
@AlsoOnPostgreSql
@SpringBootTest
class PostgresCustomPlansTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theApplicationsConnectionsForceCustomPlans() {
        assumeThat(DatabaseProduct.of(jdbc.getDataSource())).isEqualTo(DatabaseProduct.POSTGRESQL);

        String mode = jdbc.queryForObject("SHOW plan_cache_mode", String.class);

        assertThat(mode).isEqualTo("force_custom_plan");
    }

    @Test
    void onlyPostgreSqlUrlsAreTouched() {
        assertThat(PostgresCustomPlans.isPostgreSql("jdbc:postgresql://db.example.net:5432/voipguard")).isTrue();
        assertThat(PostgresCustomPlans.isPostgreSql("jdbc:h2:file:./data/voipguard")).isFalse();
        assertThat(PostgresCustomPlans.isPostgreSql(null)).isFalse();
    }
}
