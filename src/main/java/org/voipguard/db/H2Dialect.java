package org.voipguard.db;

import java.util.List;
import java.util.stream.Collectors;

/**
 * H2: the standard {@code MERGE INTO … USING}, matching the new row against the table by key.
 * Adding to an existing row is atomic; two transactions inserting the same new key at once
 * make the second fail with a duplicate key (never a lost update). H2 is the embedded,
 * one-import-at-a-time database, where that does not happen.
 */
final class H2Dialect implements SqlDialect {

    @Override
    public String insertIfAbsent(String table, List<String> columns, List<String> key) {
        return merge(table, columns, key) + whenNotMatched(columns);
    }

    @Override
    public String insertOrAdd(String table, List<String> columns, List<String> key, List<String> added) {
        return insertOrAddSelected(table, columns, key, added, InsertStatements.values(columns));
    }

    private static String insertOrAddSelected(String table, List<String> columns, List<String> key, List<String> added,
            String query) {
        String updates = columns.stream().filter(column -> !key.contains(column))
                .map(column -> column + " = " + (added.contains(column)
                        ? "t." + column + " + s." + column
                        : "s." + column))
                .collect(Collectors.joining(", "));
        return merge(table, columns, key, query) + " WHEN MATCHED THEN UPDATE SET " + updates
                + whenNotMatched(columns);
    }

    private static String merge(String table, List<String> columns, List<String> key) {
        return merge(table, columns, key, InsertStatements.values(columns));
    }

    private static String merge(String table, List<String> columns, List<String> key, String source) {
        return "MERGE INTO " + table + " t USING (" + source + ") AS s (" + String.join(", ", columns) + ") ON "
                + key.stream().map(column -> "t." + column + " = s." + column).collect(Collectors.joining(" AND "));
    }

    private static String whenNotMatched(List<String> columns) {
        return " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(column -> "s." + column).collect(Collectors.joining(", ")) + ")";
    }
}
