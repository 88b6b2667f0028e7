package org.voipguard.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * With the Spring profile {@code postgresql}, gives every Spring context of the test run a
 * database of its own on the PostgreSQL server, as {@code config/application.yml} gives every
 * context a private in-memory H2: {@code voipguard_test_<pid>_<random>}, created through the
 * server's {@code postgres} database and dropped when the JVM exits. Databases left behind by
 * test runs that died are dropped too, so parallel runs never share or clash.
 *
 * <p>When the server does not answer the context fails to start, so the PostgreSQL suite fails
 * rather than skips.
 */
public class PostgreSqlTestDatabases implements EnvironmentPostProcessor {

    static final String PROFILE = "postgresql";
    static final String SERVER_URL = "test-database.postgresql.server-url";
    private static final String PREFIX = "voipguard_test_";
    private static final Pattern OURS = Pattern.compile(PREFIX + "(\\d+)_[0-9a-f]+");

    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static volatile boolean staleDropped;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        String server = environment.getRequiredProperty(SERVER_URL);
        String user = environment.getProperty("spring.datasource.username");
        String password = environment.getProperty("spring.datasource.password");
        String database = PREFIX + ProcessHandle.current().pid() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
                Statement statement = admin.createStatement()) {
            dropStaleDatabases(statement);
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL test suite needs the server at " + server
                    + " (user " + user + "), which does not answer (" + e.getMessage()
                    + "); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", e);
        }
        dropAtExit(database, server, user, password);
        environment.getPropertySources().addFirst(new MapPropertySource("postgresqlTestDatabase",
                Map.of("spring.datasource.url", server + database)));
    }

    /** Drops the databases of test runs whose process is gone. */
    private static synchronized void dropStaleDatabases(Statement statement) throws SQLException {
        if (staleDropped) {
            return;
        }
        staleDropped = true;
        List<String> stale = new ArrayList<>();
        try (var databases = statement.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (databases.next()) {
                Matcher ours = OURS.matcher(databases.getString(1));
                if (ours.matches() && ProcessHandle.of(Long.parseLong(ours.group(1))).isEmpty()) {
                    stale.add(ours.group());
                }
            }
        }
        for (String database : stale) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static synchronized void dropAtExit(String database, String server, String user, String password) {
        if (CREATED.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAll(server, user, password),
                    "drop-postgresql-test-databases"));
        }
        CREATED.add(database);
    }

    private static void dropAll(String server, String user, String password) {
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
                Statement statement = admin.createStatement()) {
            for (String database : CREATED) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the PostgreSQL test databases " + CREATED + ": " + e.getMessage());
        }
    }
}
