package org.voipguard.db;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database the data source connects to, and the {@link SqlDialect} for it. */
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

    static SqlDialect forProduct(DatabaseProduct product) {
        return switch (product) {
            case H2 -> new H2Dialect();
            case POSTGRESQL -> new PostgresDialect();
        };
    }
}
