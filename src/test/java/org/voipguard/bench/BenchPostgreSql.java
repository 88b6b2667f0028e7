package org.voipguard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code --database=postgresql}: the benchmark's databases on a PostgreSQL server (the local one
 * of the test suite by default, trust authentication), dropped and created afresh for every run.
 */
final class BenchPostgreSql {

    static final String USER = "postgres";

    private BenchPostgreSql() {
    }

    /** Drops and creates {@code name} on the server and returns its URL. */
    static String freshDatabase(String server, String name) {
        try (Connection admin = DriverManager.getConnection(server + "postgres", USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
            return server + name;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name + " on " + server, e);
        }
    }
}
