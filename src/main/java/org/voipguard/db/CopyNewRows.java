package org.voipguard.db;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL: the rows go by {@code COPY} into a temporary staging table of the session, then
 * one statement inserts the first row of each key not stored yet and names the rows it
 * inserted. Three round trips per chunk instead of one statement per row.
 *
 * <p>Everything runs on the connection of the caller's transaction (the template takes it from
 * {@code DataSourceUtils}): the staging table is emptied at each commit ({@code ON COMMIT
 * DELETE ROWS}) and by the insert itself, and a rollback takes the copied and inserted rows
 * with it.
 */
final class CopyNewRows implements NewRows {

    private static final String ORDINAL = "new_row_ordinal";

    private final JdbcTemplate jdbc;

    CopyNewRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean[] insert(Table table, List<Object[]> rows) {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        if (table.columns().contains(ORDINAL)) {
            throw new IllegalArgumentException(table.name() + " has a column named like the staging ordinal");
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            requireTransaction(connection, table);
            execute(connection, createStaging(table));
            copy(connection, table, rows);
            try (PreparedStatement statement = connection.prepareStatement(insertFirstOfEachNewKey(table));
                    ResultSet ordinals = statement.executeQuery()) {
                while (ordinals.next()) {
                    inserted[ordinals.getInt(1)] = true;
                }
            }
            return null;
        });
        return inserted;
    }

    /** Straight into the table: COPY fails as a whole on a stored key, as the batch of inserts would. */
    @Override
    public void append(Table table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            copyIn(connection, copyInto(table.name(), table.columns()), CopyCsv.of(rows, false));
            return null;
        });
    }

    /** Outside a transaction each statement commits, and the commit empties the staging table. */
    private static void requireTransaction(Connection connection, Table table) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("rows of " + table.name() + " are staged until the commit:"
                    + " insert them in a transaction");
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void copy(Connection connection, Table table, List<Object[]> rows) throws SQLException {
        List<String> columns = new ArrayList<>(table.columns());
        columns.add(0, ORDINAL);
        copyIn(connection, copyInto(staging(table), columns), CopyCsv.of(rows, true));
    }

    private static String copyInto(String target, List<String> columns) {
        return "COPY " + target + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
    }

    private static void copyIn(Connection connection, String sql, byte[] csv) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shaped like the table's columns, types and lengths included, so COPY refuses what an insert would. */
    static String createStaging(Table table) {
        return "CREATE TEMPORARY TABLE IF NOT EXISTS " + staging(table) + " ON COMMIT DELETE ROWS AS SELECT 0 AS "
                + ORDINAL + ", " + String.join(", ", table.columns()) + " FROM " + table.name() + " WITH NO DATA";
    }

    /**
     * The first staged row of each key, inserted in the order the rows came (identity columns
     * number them so) unless the key is stored; the ordinals of the rows inserted; the staging
     * table emptied, all in one statement on one snapshot.
     */
    static String insertFirstOfEachNewKey(Table table) {
        String key = String.join(", ", table.key());
        String columns = String.join(", ", table.columns());
        return "WITH first_of_key AS (SELECT DISTINCT ON (" + key + ") * FROM " + staging(table)
                + " ORDER BY " + key + ", " + ORDINAL + "),"
                + " inserted AS (INSERT INTO " + table.name() + " (" + columns + ") SELECT " + columns
                + " FROM first_of_key ORDER BY " + ORDINAL + " ON CONFLICT (" + key + ") DO NOTHING RETURNING " + key
                + "), emptied AS (DELETE FROM " + staging(table) + ")"
                + " SELECT first_of_key." + ORDINAL + " FROM first_of_key JOIN inserted ON "
                + table.key().stream().map(column -> "first_of_key." + column + " = inserted." + column)
                        .collect(Collectors.joining(" AND "));
    }

    private static String staging(Table table) {
        return "new_rows_" + table.name();
    }
}
