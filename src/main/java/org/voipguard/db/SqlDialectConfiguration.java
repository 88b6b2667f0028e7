package org.voipguard.db;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database the data source connects to, and the {@link SqlDialect} and {@link NewRows}
 * for it.
 */
@Configuration(proxyBeanMethods = false)
public class SqlDialectConfiguration {

    @Bean
    DatabaseProduct databaseProduct(DataSource dataSource) {
        return DatabaseProduct.of(dataSource);
    }

    @Bean
    SqlDialect sqlDialect(DatabaseProduct product) {
        return forProduct(product);
    }

    @Bean
    NewRows newRows(DatabaseProduct product, JdbcTemplate jdbc, SqlDialect dialect) {
        return switch (product) {
            case H2 -> new BatchNewRows(jdbc, dialect);
            case POSTGRESQL -> new CopyNewRows(jdbc);
        };
    }

    static SqlDialect forProduct(DatabaseProduct product) {
        return switch (product) {
            case H2 -> new H2Dialect();
            case POSTGRESQL -> new PostgresDialect();
        };
    }
}
