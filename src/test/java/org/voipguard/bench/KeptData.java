package org.voipguard.bench;

/**
 * The highest old generation kept by the collections that clean it, from the old generation's
 * size after each of them (see {@link HeapWatch}): exactly what a full collection leaves, and
 * what the last of a series of mixed collections leaves, a series ending where the next
 * collection leaves more than the one before it. A series cut short by a full collection
 * or by the end of the phase counts as ended there.
 */
final class KeptData {

    private long peak;
    private long endOfSeries = -1;

    void afterFullCollection(long oldBytes) {
        peak = Math.max(peak, Math.max(endOfSeries, oldBytes));
        endOfSeries = -1;
    }

    void afterMixedCollection(long oldBytes) {
        if (oldBytes > endOfSeries) {
            peak = Math.max(peak, endOfSeries);
        }
        endOfSeries = oldBytes;
    }

    long peak() {
        return Math.max(peak, endOfSeries);
    }
}
