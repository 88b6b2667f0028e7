package org.voipguard.db;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Makes PostgreSQL plan every statement for its parameters ({@code plan_cache_mode =
 * force_custom_plan}) on VoIPGuard's connections. After five executions of a prepared statement
 * the server may switch to a generic plan costed with the statistics of the moment. An import
 * into new tables first reads them while they are empty, so the generic plan was a sequential
 * scan, kept while the table grew to millions of rows: the registration evaluation looked up the
 * addresses and agents of a chunk's numbers by reading every known one, and slowed to 250 events
 * a second at 200,000 events. The statistics lag further when autovacuum is off. A connection
 * init SQL set by the operator ({@code spring.datasource.hikari.connection-init-sql}) is kept.
 */
@Component
class PostgresCustomPlans implements BeanPostProcessor {

    static final String FORCE_CUSTOM_PLANS = "SET plan_cache_mode = force_custom_plan";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && isPostgreSql(pool.getJdbcUrl())
                && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(FORCE_CUSTOM_PLANS);
        }
        return bean;
    }

    static boolean isPostgreSql(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
