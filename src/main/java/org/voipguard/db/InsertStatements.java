package org.voipguard.db;

import java.util.Collections;
import java.util.List;

/** The text of a plain {@code INSERT}, the same on H2 and PostgreSQL, that the dialects and batches build on. */
final class InsertStatements {

    private InsertStatements() {
    }

    /** {@code INSERT INTO table (columns) VALUES (?, …)}: one bound parameter a column. */
    static String insert(String table, List<String> columns) {
        return insertFrom(table, columns, values(columns));
    }

    /** {@code INSERT INTO table (columns)} followed by {@code source}: a VALUES list or a query. */
    static String insertFrom(String table, List<String> columns, String source) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") " + source;
    }

    /** {@code VALUES (?, …)}: one bound parameter a column. */
    static String values(List<String> columns) {
        return "VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }
}
