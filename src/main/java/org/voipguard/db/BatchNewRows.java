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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2: the rows inserted plainly in one JDBC batch, which H2 goes on with past a refused row; a
 * row it refused (its key stored already, or earlier in the chunk) is asked again by an
 * insert-if-absent statement, and was new when that one's update count is not zero. A plain
 * insert costs H2 about two thirds of the insert-if-absent, and most rows of an import are new.
 * A row refused because another transaction stored its key meanwhile is asked again (see
 * {@link #insertIfAbsent}); a row refused for any other reason fails the chunk there.
 *
 * <p>A chunk whose keys are all stored takes about three times as long that way as by
 * insert-if-absent alone, so a table whose last chunk was mostly refused (a grown file imported
 * again: its earlier lines are stored) is asked by insert-if-absent alone until a chunk of it is
 * mostly new again.
 */
final class BatchNewRows implements NewRows {

    /** Times a row refused because another transaction stored its key is asked again. */
    private static final int ATTEMPTS = 3;
    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    /** Tables whose last chunk was mostly refused: their rows are asked by insert-if-absent from the start. */
    private final Set<String> mostlyStored = ConcurrentHashMap.newKeySet();

    BatchNewRows(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @Override
    public boolean[] insert(Table table, List<Object[]> rows) {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        if (mostlyStored.contains(table.name())) {
            insertIfAbsent(table, rows, IntStream.range(0, rows.size()).boxed().toList(), inserted);
            if (2 * count(inserted) > rows.size()) {
                mostlyStored.remove(table.name());
            }
            return inserted;
        }
        List<Integer> refused = insertPlainly(table, rows, inserted);
        if (2 * refused.size() > rows.size()) {
            mostlyStored.add(table.name());
        }
        insertIfAbsent(table, rows, refused, inserted);
        return inserted;
    }

    /** Marks the rows H2 inserted, and returns the others. */
    private List<Integer> insertPlainly(Table table, List<Object[]> rows, boolean[] inserted) {
        String sql = InsertStatements.insert(table.name(), table.columns());
        int[] counts = jdbc.execute((ConnectionCallback<int[]>) connection -> insertPlainly(connection, sql, rows));
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.EXECUTE_FAILED) {
                refused.add(i);
            } else {
                inserted[i] = true;
            }
        }
        return refused;
    }

    private static int count(boolean[] inserted) {
        int count = 0;
        for (boolean row : inserted) {
            count += row ? 1 : 0;
        }
        return count;
    }

    /** The update count of each row, {@link Statement#EXECUTE_FAILED} for a row H2 refused. */
    private static int[] insertPlainly(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        return executeBatch(connection, sql, rows, refusal -> true);
    }

    /** Asks again for the given rows whether their key is stored, inserting those whose key is not. */
    private void insertIfAbsent(Table table, List<Object[]> rows, List<Integer> refused, boolean[] inserted) {
        String sql = dialect.insertIfAbsent(table.name(), table.columns(), table.key());
        List<Integer> pending = refused;
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
    }

    /**
     * The update count of each row, {@link Statement#EXECUTE_FAILED} for a row whose key another
     * transaction stored while this one was comparing: one part of an import storing a call id
     * that another part, side by side, stored under another number. H2 waits for the other
     * transaction to end before it refuses the row; asked again, the row is then found stored.
     */
    private static int[] insertIfAbsent(Connection connection, String sql, List<Integer> batch, List<Object[]> rows,
            boolean lastAttempt) throws SQLException {
        return executeBatch(connection, sql, batch.stream().map(rows::get).toList(),
                refusal -> !lastAttempt && UNIQUE_VIOLATION.equals(refusal.getSQLState()));
    }

    /** Each row's update count; refused rows count {@link Statement#EXECUTE_FAILED} if the refusal is expected. */
    private static int[] executeBatch(Connection connection, String sql, List<Object[]> rows,
            Predicate<BatchUpdateException> expected) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            try {
                return statement.executeBatch();
            } catch (BatchUpdateException e) {
                if (!expected.test(e) || e.getUpdateCounts().length != rows.size()) {
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
