package org.voipguard.db;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2: one insert-if-absent statement per row, sent as one JDBC batch; a row was new when its
 * update count is not zero.
 */
final class BatchNewRows implements NewRows {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

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
        int[] counts = jdbc.batchUpdate(dialect.insertIfAbsent(table.name(), table.columns(), table.key()), rows,
                rows.size(), BatchNewRows::bind)[0];
        for (int i = 0; i < counts.length; i++) {
            inserted[i] = counts[i] != 0;
        }
        return inserted;
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
