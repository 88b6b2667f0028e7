package org.voipguard.db;

import java.sql.SQLException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * What an operator reads when the database fails a run. The driver's message holds the SQL
 * statement and the values of the line that broke it; that belongs in the log, not in a
 * summary line or a drop folder's reason file.
 */
public final class DatabaseFailures {

    private static final Logger log = LoggerFactory.getLogger(DatabaseFailures.class);

    private DatabaseFailures() {
    }

    /**
     * A plain sentence when the failure came from the database, its details logged; empty when
     * it did not.
     */
    public static Optional<String> plainMessage(Throwable failure) {
        SQLException sql = null;
        boolean fromDatabase = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            fromDatabase |= t instanceof DataAccessException;
            if (t instanceof SQLException e && sql == null) {
                sql = e;
            }
        }
        if (!fromDatabase && sql == null) {
            return Optional.empty();
        }
        String state = sql == null || sql.getSQLState() == null ? "" : " (SQL state " + sql.getSQLState() + ")";
        String message = unreachable(failure, sql)
                ? "the database could not be reached" + state + "; see the log for the details"
                : "the database refused the data" + state + "; see the log for the details";
        log.error(message, failure);
        return Optional.of(message);
    }

    /** SQL state class 08 is a connection exception. */
    private static boolean unreachable(Throwable failure, SQLException sql) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }
}
