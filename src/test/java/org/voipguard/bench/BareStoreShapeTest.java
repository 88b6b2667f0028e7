package org.voipguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.voipguard.support.AlsoOnPostgreSql;

/**
 * The bare store is the baseline each import is measured against, so its table must cost what
 * the import's table costs: the same columns and the same indexes as the migrations leave the
 * table with on that database.
 */
@AlsoOnPostgreSql
@SpringBootTest
class BareStoreShapeTest {

    private static final String BARE_SCHEMA = "bare_store_shape";

    @Autowired
    DataSource dataSource;

    @ParameterizedTest
    @EnumSource(BareStore.Shape.class)
    void theBareStoresTableHasTheColumnsAndIndexesOfTheTableTheImportFills(BareStore.Shape shape)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // given the product's migrated schema, and a schema of the bare store's own
            DatabaseMetaData metaData = connection.getMetaData();
            boolean postgresql = metaData.getDatabaseProductName().equals("PostgreSQL");
            String productSchema = connection.getSchema();
            String bareSchema = identifier(metaData, BARE_SCHEMA);
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + BARE_SCHEMA);
            }
            connection.setSchema(bareSchema);
            try {
                assertThat(connection.getSchema()).isEqualTo(bareSchema);

                // when the bare store creates its table there
                BareStore.createTable(connection, shape, postgresql);

                // then
                String table = identifier(metaData, shape.table());
                assertThat(columns(metaData, bareSchema, table)).isEqualTo(columns(metaData, productSchema, table))
                        .isNotEmpty();
                assertThat(indexes(metaData, bareSchema, table)).isEqualTo(indexes(metaData, productSchema, table))
                        .isNotEmpty();
            } finally {
                connection.setSchema(productSchema);
                try (var statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA " + BARE_SCHEMA + " CASCADE");
                }
            }
        }
    }

    private static String identifier(DatabaseMetaData metaData, String name) throws SQLException {
        return metaData.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** Each column's name and type. */
    private static Map<String, String> columns(DatabaseMetaData metaData, String schema, String table)
            throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        try (ResultSet rs = metaData.getColumns(null, schema, table, null)) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** Each index as whether it is unique and its columns in order, whatever its name. */
    private static Set<String> indexes(DatabaseMetaData metaData, String schema, String table) throws SQLException {
        Map<String, List<String>> columnsByIndex = new TreeMap<>();
        Map<String, Boolean> uniqueByIndex = new TreeMap<>();
        try (ResultSet rs = metaData.getIndexInfo(null, schema, table, false, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                if (index == null) {
                    continue;
                }
                int position = rs.getShort("ORDINAL_POSITION");
                List<String> columns = columnsByIndex.computeIfAbsent(index, name -> new ArrayList<>());
                while (columns.size() < position) {
                    columns.add(null);
                }
                columns.set(position - 1, rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                uniqueByIndex.put(index, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        Set<String> indexes = new TreeSet<>();
        columnsByIndex.forEach((index, columns) ->
                indexes.add((uniqueByIndex.get(index) ? "unique " : "") + "(" + String.join(", ", columns) + ")"));
        return indexes;
    }
}
