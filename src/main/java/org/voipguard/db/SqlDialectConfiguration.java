package org.voipguard.db;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Chooses the {@link SqlDialect} from the database the data source connects to. */
@Configuration(proxyBeanMethods = false)
public class SqlDialectConfiguration {

    @Bean
    SqlDialect sqlDialect(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return forProduct(product);
    }

    static SqlDialect forProduct(String product) {
        if ("H2".equals(product)) {
            return new H2Dialect();
        }
        if ("PostgreSQL".equals(product)) {
            return new PostgresDialect();
        }
        throw new IllegalStateException("VoIPGuard runs on H2 or PostgreSQL; the configured data source is " + product);
    }
}
