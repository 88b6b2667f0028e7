package org.voipguard.db;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Inserts a chunk of rows into a table keyed by some of its columns and says which rows were
 * new: a row is new when no stored row has its key and no earlier row of the same chunk has
 * it either (the first occurrence wins). Runs in the caller's transaction, so a rollback
 * leaves nothing behind.
 *
 * <p>A row's values are given in the order of the table's columns, each a {@link String},
 * {@link Integer}, {@link Long}, {@link java.math.BigDecimal}, {@link Boolean},
 * {@link java.time.Instant} or {@code null}.
 */
public interface NewRows {

    /**
     * Inserts the rows not stored yet and returns, for each row in the given order, whether it
     * was inserted.
     */
    boolean[] insert(Table table, List<Object[]> rows);

    /**
     * Inserts every row, for rows whose key cannot be stored yet (an event's outcome, written
     * once): cheaper than {@link #insert}, since nothing is compared. A key already stored fails
     * the whole chunk, as a plain insert would.
     */
    void append(Table table, List<Object[]> rows);

    /** A table, the columns each row gives values for, and the key columns among them. */
    record Table(String name, List<String> columns, List<String> key) {

        private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

        public Table {
            columns = List.copyOf(columns);
            key = List.copyOf(key);
            requireIdentifier(name);
            columns.forEach(Table::requireIdentifier);
            if (key.isEmpty() || !columns.containsAll(key)) {
                throw new IllegalArgumentException("the key " + key + " must be among the columns " + columns);
            }
        }

        /** The names go into SQL as they are, so they are plain lower-case identifiers. */
        private static void requireIdentifier(String name) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + name);
            }
        }
    }
}
