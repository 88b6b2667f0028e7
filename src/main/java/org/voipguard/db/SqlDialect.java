package org.voipguard.db;

import java.util.List;

/**
 * The statements whose SQL differs between the databases VoIPGuard runs on, each written the
 * way that database does it best. Every statement takes one {@code ?} per column, in the order
 * the columns are given, so callers bind the same parameters whatever the database.
 */
public interface SqlDialect {

    /**
     * Inserts one row unless a row with the same {@code key} exists. The update count is 1 when
     * the row was inserted and 0 when it was already there.
     */
    String insertIfAbsent(String table, List<String> columns, List<String> key);

    /**
     * Inserts one row or, when a row with the same {@code key} exists, adds the given values of
     * the {@code added} columns to it and sets its other columns. One atomic statement: two
     * writers adding to the same row at once both count.
     */
    String insertOrAdd(String table, List<String> columns, List<String> key, List<String> added);
}
