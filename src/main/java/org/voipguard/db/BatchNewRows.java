package org.voipguard.db;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2: one insert-if-absent statement per row, sent as one JDBC batch; a row was new when its
 * update count is not zero. A row refused because another transaction stored its key meanwhile
 * is asked again (see {@link #insertIfAbsent}).
 */
final class BatchNewRows implements NewRows {

    /** Times a row refused because another transaction stored its key is asked again. */
    private static final int ATTEMPTS = 3;
    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    BatchNewRows(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @Override
    public boolean[] insert(Table table, List<Object[]> rows) {
        boolean[] inserted = new boolean[rows.size()];
        String sql = dialect.insertIfAbsent(table.name(), table.columns(), table.key());
        List<Integer> pending = IntStream.range(0, rows.size()).boxed().toList();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<Integer> batch = pending;
            boolean lastAttempt = attempt == ATTEMPTS;
            int[] counts = jdbc.execute((ConnectionCallback<int[]>) connection ->
                    insertIfAbsent(connection, sql, batch, rows, lastAttempt));
            List<Integer> conflicting = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.EXECUTE_FAILED) {
                    conflicting.add(batch.get(i));
                } else {
                    inserted[batch.get(i)] = counts[i] != 0;
                }
            }
            pending = conflicting;
        }
        return inserted;
    }

    /**
     * The update count of each row, {@link Statement#EXECUTE_FAILED} for a row whose key another
     * transaction stored while this one was comparing: one part of an import storing a call id
     * that another part, side by side, stored under another number. H2 waits for the other
     * transaction to end before it refuses the row; asked again, the row is then found stored.
     */
    private static int[] insertIfAbsent(Connection connection, String sql, List<Integer> batch, List<Object[]> rows,
            boolean lastAttempt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int row : batch) {
                bind(statement, rows.get(row));
                statement.addBatch();
            }
            try {
                return statement.executeBatch();
            } catch (BatchUpdateException e) {
                if (lastAttempt || !UNIQUE_VIOLATION.equals(e.getSQLState())
                        || e.getUpdateCounts().length != batch.size()) {
                    throw e;
                }
                return e.getUpdateCounts();
            }
        }
    }

    @Override
    public void append(Table table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(InsertStatements.insert(table.name(), table.columns()), rows, rows.size(), BatchNewRows::bind);
    }

    private static void bind(PreparedStatement ps, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            bind(ps, i + 1, row[i]);
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof Long n) {
            ps.setLong(index, n);
        } else if (value instanceof BigDecimal n) {
            ps.setBigDecimal(index, n);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (value instanceof Instant t) {
            ps.setTimestamp(index, Timestamp.from(t));
        } else {
            throw new IllegalArgumentException("cannot store a " + value.getClass().getName());
        }
    }
}
