package org.voipguard.db;

import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL: {@code INSERT … ON CONFLICT}, which takes the row lock and never loses a write. */
final class PostgresDialect implements SqlDialect {

    @Override
    public String insertIfAbsent(String table, List<String> columns, List<String> key) {
        return InsertStatements.insert(table, columns) + " ON CONFLICT (" + String.join(", ", key) + ") DO NOTHING";
    }

    @Override
    public String insertOrAdd(String table, List<String> columns, List<String> key, List<String> added) {
        return insertOrAddSelected(table, columns, key, added, InsertStatements.values(columns));
    }

    private static String insertOrAddSelected(String table, List<String> columns, List<String> key, List<String> added,
            String query) {
        String updates = columns.stream().filter(column -> !key.contains(column))
                .map(column -> column + " = " + (added.contains(column)
                        ? table + "." + column + " + EXCLUDED." + column
                        : "EXCLUDED." + column))
                .collect(Collectors.joining(", "));
        return InsertStatements.insertFrom(table, columns, query) + " ON CONFLICT (" + String.join(", ", key)
                + ") DO UPDATE SET " + updates;
    }
}
