package org.voipguard.support;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The migrations run in a schema of their own up to a chosen version, for the tests that store
 * rows the way an older VoIPGuard did and then check what the later migrations make of them.
 */
public final class SchemaMigrations {

    private SchemaMigrations() {
    }

    /** Migrates {@code schema} (created if absent, its name quoted as written) up to {@code target} or "latest". */
    public static void migrate(DataSource dataSource, String schema, String target) throws MetaDataAccessException {
        String vendor = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                .toLowerCase(Locale.ROOT);
        Flyway.configure().dataSource(dataSource).schemas(schema).target(target)
                .locations("classpath:db/migration/common", "classpath:db/migration/vendor/" + vendor)
                .load().migrate();
    }

    public static void drop(JdbcTemplate jdbc, String schema) {
        jdbc.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
    }
}
