package org.voipguard.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;

import org.voipguard.imports.IsoTimes;

/**
 * The second baseline: what storing the CDR file's rows alone costs in the benchmark's database,
 * with nothing else done to them. Every parsed line becomes one plain INSERT into a table
 * shaped like {@code cdr} (same columns, primary key and indexes, in a database of its own with
 * the product's URL settings and durable commits; on PostgreSQL a fresh database on the same
 * server), committed every {@code chunkSize} rows.
 * Lines that do not parse and repeated call ids are left out.
 */
final class BareStore {

    private static final String TABLE = "CREATE TABLE cdr (call_id VARCHAR(128) NOT NULL PRIMARY KEY,"
            + " number VARCHAR(16) NOT NULL, direction VARCHAR(3) NOT NULL,"
            + " start_time TIMESTAMP WITH TIME ZONE NOT NULL, billing_month CHAR(7) NOT NULL,"
            + " duration_s INTEGER NOT NULL, called VARCHAR(64) NOT NULL, call_class VARCHAR(20) NOT NULL,"
            + " price_ppm NUMERIC(10,4), cost_gbp NUMERIC(14,4) NOT NULL, status INTEGER NOT NULL,"
            + " late_charge BOOLEAN NOT NULL, import_id BIGINT NOT NULL)";
    private static final List<String> INDEXES = List.of("CREATE INDEX ix_cdr_start_time ON cdr (start_time)");
    private static final String INSERT = "INSERT INTO cdr VALUES (?, ?, ?, ?, ?, ?, ?, 'NATIONAL', ?, ?, ?, FALSE, 1)";
    /** On PostgreSQL a repeated key would abort the whole transaction: it is skipped, as the import does. */
    private static final String INSERT_POSTGRESQL = INSERT + " ON CONFLICT (call_id) DO NOTHING";

    private BareStore() {
    }

    static long store(Path cdrFile, String databaseUrl, int chunkSize) {
        boolean postgresql = databaseUrl.startsWith("jdbc:postgresql:");
        try (Connection connection = postgresql ? DriverManager.getConnection(databaseUrl, BenchPostgreSql.USER, "")
                : DriverManager.getConnection(databaseUrl, "sa", "")) {
            createTable(connection, postgresql);
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(postgresql ? INSERT_POSTGRESQL : INSERT)) {
                long read = Benchmark.forEachRecord(cdrFile, (cells, count) -> {
                    if (add(insert, cells) && count % chunkSize == 0) {
                        commit(insert, connection);
                    }
                });
                commit(insert, connection);
                return read;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bare store failed", e);
        }
    }

    /** A repeated call id fails its own row only: the batch goes on and the rest is committed. */
    private static void commit(PreparedStatement insert, Connection connection) throws SQLException {
        try {
            insert.executeBatch();
        } catch (BatchUpdateException repeatedCallId) {
            // left out, like the import leaves out a call id it has seen
        }
        connection.commit();
    }

    private static void createTable(Connection connection, boolean postgresql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!postgresql) {
                statement.execute("SET WRITE_DELAY 0");
            }
            statement.execute(TABLE);
            for (String index : INDEXES) {
                statement.execute(index);
            }
        }
    }

    private static boolean add(PreparedStatement insert, List<String> cells) throws SQLException {
        try {
            insert.setString(1, cells.get(0));
            insert.setString(2, cells.get(1));
            insert.setString(3, cells.get(2));
            insert.setTimestamp(4, Timestamp.from(IsoTimes.parseOffsetDateTime(cells.get(3)).toInstant()));
            insert.setString(5, cells.get(3).substring(0, 7));
            insert.setInt(6, Integer.parseInt(cells.get(4)));
            insert.setString(7, cells.get(5));
            insert.setBigDecimal(8, cells.get(6).isEmpty() ? null : new BigDecimal(cells.get(6)));
            insert.setBigDecimal(9, cells.get(7).isEmpty() ? BigDecimal.ZERO : new BigDecimal(cells.get(7)));
            insert.setInt(10, Integer.parseInt(cells.get(8)));
        } catch (RuntimeException notACdr) {
            return false;
        }
        insert.addBatch();
        return true;
    }
}
