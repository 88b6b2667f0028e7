package org.voipguard.db;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** The databases VoIPGuard runs on; the one place that tells them apart. */
public enum DatabaseProduct {

    H2("H2"),
    POSTGRESQL("PostgreSQL");

    private final String productName;

    DatabaseProduct(String productName) {
        this.productName = productName;
    }

    /** The database behind the data source, as its JDBC driver names it. */
    public static DatabaseProduct of(DataSource dataSource) {
        try {
            return named(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database the data source connects to", e);
        }
    }

    static DatabaseProduct named(String productName) {
        for (DatabaseProduct product : values()) {
            if (product.productName.equals(productName)) {
                return product;
            }
        }
        throw new IllegalStateException("VoIPGuard runs on H2 or PostgreSQL; the configured data source is "
                + productName);
    }
}
