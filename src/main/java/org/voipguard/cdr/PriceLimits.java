package org.voipguard.cdr;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.voipguard.memory.LeastRecentlyUsed;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;

/**
 * The price limits (and threshold profiles) of the numbers one import meets, remembered for the rest of the import so
 * that a number's settings are read once, not once per chunk. Only the two limits are kept,
 * for at most {@code capacity} numbers (the least recently used are forgotten first), so the
 * memory it takes is bounded whatever the size of the file. Settings do not change during an
 * import: {@code numbers import} never runs beside one.
 *
 * <p>A large import meets most numbers, and reading their settings a chunk at a time costs a
 * look-up in the settings index per number. Once it has read {@link #READ_ALL_AFTER} numbers
 * that way, and if every stored number fits within the capacity, it reads all stored numbers'
 * limits in one pass instead and asks the directory no more.
 */
class PriceLimits {

    /** A number's limits in pence per minute, and its profile of the thresholds file. */
    record Limits(BigDecimal nationalPpm, BigDecimal internationalPpm, String thresholdProfile) {

        static Limits of(NumberSettings settings) {
            return new Limits(settings.nationalLimitPpm(), settings.internationalLimitPpm(),
                    settings.thresholdProfile());
        }
    }

    /** Numbers read a chunk at a time before the limits of every stored number are read in one pass. */
    private static final int READ_ALL_AFTER = 5_000;

    private final NumberDirectory numbers;
    private final int capacity;
    private final int readAllAfter;
    private final Map<String, Limits> remembered;
    private Map<String, Limits> everyStored;
    /** The same for every number without settings of its own: made once, once every stored number is read. */
    private Limits defaultLimits;
    private int readChunkByChunk;
    private boolean mayReadAll = true;

    PriceLimits(NumberDirectory numbers, int capacity) {
        this(numbers, capacity, READ_ALL_AFTER);
    }

    PriceLimits(NumberDirectory numbers, int capacity, int readAllAfter) {
        this.numbers = numbers;
        this.capacity = capacity;
        this.readAllAfter = readAllAfter;
        this.remembered = new LeastRecentlyUsed<>(capacity);
    }

    /** The limits of every number given, reading the ones not remembered in one go. */
    Map<String, Limits> of(Collection<String> wanted) {
        if (everyStored != null) {
            return fromEveryStored(wanted);
        }
        Map<String, Limits> limits = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String number : wanted) {
            Limits known = remembered.get(number);
            if (known != null) {
                limits.put(number, known);
            } else {
                unknown.add(number);
            }
        }
        if (readChunkByChunk + unknown.size() > readAllAfter && readEveryStored()) {
            return fromEveryStored(wanted);
        }
        readChunkByChunk += unknown.size();
        numbers.findAll(unknown).forEach((number, settings) -> {
            Limits read = Limits.of(settings);
            limits.put(number, read);
            remembered.put(number, read);
        });
        return limits;
    }

    /** Whether the stored numbers fitted within the capacity and were read; asked once per import. */
    private boolean readEveryStored() {
        if (!mayReadAll) {
            return false;
        }
        mayReadAll = false;
        if (numbers.storedCount() > capacity) {
            return false;
        }
        Map<String, Limits> read = new HashMap<>();
        numbers.forEachStored(settings -> read.put(settings.number(), Limits.of(settings)));
        remembered.clear();
        everyStored = read;
        return true;
    }

    private Map<String, Limits> fromEveryStored(Collection<String> wanted) {
        Map<String, Limits> limits = new LinkedHashMap<>();
        for (String number : wanted) {
            Limits stored = everyStored.get(number);
            limits.put(number, stored != null ? stored : defaultLimits(number));
        }
        return limits;
    }

    private Limits defaultLimits(String number) {
        if (defaultLimits == null) {
            defaultLimits = Limits.of(numbers.defaultsFor(number));
        }
        return defaultLimits;
    }
}
