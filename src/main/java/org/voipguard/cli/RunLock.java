package org.voipguard.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;
import org.voipguard.db.DatabaseProduct;

/**
 * Lets one VoIPGuard run at a time write to a database. The lock lives in the database, on a
 * connection of its own held for the whole command, so it is released when the run ends and
 * also when its process dies: nothing to clean up after a crash.
 * <ul>
 * <li>PostgreSQL: a session advisory lock ({@code pg_try_advisory_lock}).</li>
 * <li>H2 and others: the row of {@code run_lock} locked with {@code SELECT ... FOR UPDATE NOWAIT}
 * in a transaction left open. (An embedded H2 file database already refuses a second process;
 * with {@code AUTO_SERVER=TRUE} processes share it and the row lock keeps them apart.)</li>
 * </ul>
 * The database-specific SQL is chosen here from the JDBC product name, on purpose independent
 * of the stores' SQL dialects.
 */
@Component
public class RunLock {

    /** Any fixed number: VoIPGuard's advisory lock key on PostgreSQL. */
    static final long ADVISORY_KEY = 0x566F4950_4775_6172L;

    private final DataSource dataSource;
    private final DatabaseProduct product;

    public RunLock(DataSource dataSource, DatabaseProduct product) {
        this.dataSource = dataSource;
        this.product = product;
    }

    /** A lock held; closing it releases the lock. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Another run holds the lock. */
    public static class BusyException extends RuntimeException {
        public BusyException(String message) {
            super(message);
        }
    }

    /** Takes the lock now or throws {@link BusyException}; never waits. */
    public Held acquire() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            Held held = product == DatabaseProduct.POSTGRESQL ? advisoryLock(connection) : rowLock(connection);
            connection = null;
            return held;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the run lock: " + e.getMessage(), e);
        } finally {
            closeQuietly(connection);
        }
    }

    private static Held advisoryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, ADVISORY_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    throw busy();
                }
            }
        }
        return () -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                statement.setLong(1, ADVISORY_KEY);
                statement.execute();
            } catch (SQLException ignored) {
                // closing the session below releases it as well
            } finally {
                closeQuietly(connection);
            }
        };
    }

    private static Held rowLock(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT name FROM run_lock WHERE name = 'voipguard' FOR UPDATE NOWAIT").close();
        } catch (SQLException e) {
            connection.rollback();
            if (isLockConflict(e)) {
                throw busy();
            }
            throw e;
        }
        return () -> {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // closing the connection ends the transaction as well
            } finally {
                closeQuietly(connection);
            }
        };
    }

    /** H2: lock timeout (50200) or concurrent update (90131); SQL state 55P03 elsewhere. */
    private static boolean isLockConflict(SQLException e) {
        return e.getErrorCode() == 50200 || e.getErrorCode() == 90131 || "55P03".equals(e.getSQLState())
                || "HYT00".equals(e.getSQLState());
    }

    private static BusyException busy() {
        return new BusyException("another VoIPGuard run is using the database; "
                + "try again when it has finished (nothing was done)");
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the lock goes with the connection
        }
    }
}
