package org.voipguard.numbers;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.voipguard.memory.LeastRecentlyUsed;

/**
 * What one run needs of the settings of the numbers it meets (a projection of them: a number's
 * price limits, its email addresses), read a batch of numbers at a time and remembered for the
 * rest of the run, so that a number's settings are read once, not once per chunk or page. Only
 * the projections are kept, for at most {@code capacity} numbers (the least recently used are
 * forgotten first), so the memory it takes is bounded whatever the size of the run. A setting
 * changed while the run goes on reaches the next run.
 *
 * <p>A large run meets most numbers, and reading them a batch at a time costs a look-up in the
 * settings index per number. So once it has read {@link #READ_ALL_AFTER} numbers that way, and
 * if every stored number fits within the capacity, it reads the projections of all stored
 * numbers in one pass and asks the directory no more.
 *
 * @param <T> the projection kept of a number's settings; never null
 */
public final class SettingsLookup<T> {

    /** Numbers read a batch at a time before every stored number is read in one pass. */
    public static final int READ_ALL_AFTER = 5_000;

    private final NumberDirectory numbers;
    private final Function<NumberSettings, T> projection;
    private final int capacity;
    private final int readAllAfter;
    private final Map<String, T> remembered;
    private Map<String, T> everyStored;
    private int readInBatches;
    private boolean mayReadAll = true;

    public SettingsLookup(NumberDirectory numbers, Function<NumberSettings, T> projection, int capacity) {
        this(numbers, projection, capacity, READ_ALL_AFTER);
    }

    public SettingsLookup(NumberDirectory numbers, Function<NumberSettings, T> projection, int capacity,
            int readAllAfter) {
        this.numbers = numbers;
        this.projection = projection;
        this.capacity = capacity;
        this.readAllAfter = readAllAfter;
        this.remembered = new LeastRecentlyUsed<>(capacity);
    }

    /** The projection of every number given, those without settings of their own the defaults'. */
    public Map<String, T> of(Collection<String> wanted) {
        if (everyStored != null) {
            return fromEveryStored(wanted);
        }
        Map<String, T> found = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String number : wanted) {
            T known = remembered.get(number);
            if (known != null) {
                found.put(number, known);
            } else {
                unknown.add(number);
            }
        }
        if (readInBatches + unknown.size() > readAllAfter && readEveryStored()) {
            return fromEveryStored(wanted);
        }
        readInBatches += unknown.size();
        numbers.findAll(unknown).forEach((number, settings) -> {
            T read = projection.apply(settings);
            found.put(number, read);
            remembered.put(number, read);
        });
        return found;
    }

    /** Whether the stored numbers fitted within the capacity and were read; asked once per run. */
    private boolean readEveryStored() {
        if (!mayReadAll) {
            return false;
        }
        mayReadAll = false;
        if (numbers.storedCount() > capacity) {
            return false;
        }
        Map<String, T> read = new HashMap<>();
        numbers.forEachStored(settings -> read.put(settings.number(), projection.apply(settings)));
        remembered.clear();
        everyStored = read;
        return true;
    }

    private Map<String, T> fromEveryStored(Collection<String> wanted) {
        Map<String, T> found = new LinkedHashMap<>();
        for (String number : wanted) {
            T stored = everyStored.get(number);
            found.put(number, stored != null ? stored : projection.apply(numbers.defaultsFor(number)));
        }
        return found;
    }
}
