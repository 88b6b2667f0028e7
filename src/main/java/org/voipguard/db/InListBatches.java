package org.voipguard.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Splits the values of a long {@code IN (...)} list into batches of exactly the same size (a
 * short last batch repeats its last value), so that the database parses the statement once and
 * reuses it, and a short list keeps cheap the check of the list that H2 repeats for every row
 * it finds.
 */
public final class InListBatches {

    /** Values per statement. */
    public static final int SIZE = 128;

    private InListBatches() {
    }

    /** The distinct values, in batches of {@link #SIZE}; none when there are no values. */
    public static <T> List<List<T>> of(Collection<T> values) {
        List<T> distinct = new ArrayList<>(new LinkedHashSet<>(values));
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += SIZE) {
            batches.add(padded(distinct.subList(from, Math.min(from + SIZE, distinct.size()))));
        }
        return batches;
    }

    private static <T> List<T> padded(List<T> values) {
        List<T> padded = new ArrayList<>(SIZE);
        padded.addAll(values);
        while (padded.size() < SIZE) {
            padded.add(values.get(values.size() - 1));
        }
        return padded;
    }
}
