package org.voipguard.cdr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.voipguard.imports.LeastRecentlyUsed;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;

/**
 * The price limits (and threshold profiles) of the numbers one import meets, remembered for the rest of the import so
 * that a number's settings are read once, not once per chunk. Only the two limits are kept,
 * for at most {@code capacity} numbers (the least recently used are forgotten first), so the
 * memory it takes is bounded whatever the size of the file. Settings do not change during an
 * import: {@code numbers import} never runs beside one.
 */
class PriceLimits {

    /** A number's limits in pence per minute, and its profile of the thresholds file. */
    record Limits(BigDecimal nationalPpm, BigDecimal internationalPpm, String thresholdProfile) {

        static Limits of(NumberSettings settings) {
            return new Limits(settings.nationalLimitPpm(), settings.internationalLimitPpm(),
                    settings.thresholdProfile());
        }
    }

    private final NumberDirectory numbers;
    private final Map<String, Limits> remembered;

    PriceLimits(NumberDirectory numbers, int capacity) {
        this.numbers = numbers;
        this.remembered = new LeastRecentlyUsed<>(capacity);
    }

    /** The limits of every number given, reading the ones not remembered in one go. */
    Map<String, Limits> of(Collection<String> wanted) {
        Map<String, Limits> limits = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String number : wanted) {
            Limits known = remembered.get(number);
            if (known != null) {
                limits.put(number, known);
            } else if (!limits.containsKey(number)) {
                unknown.add(number);
            }
        }
        numbers.findAll(unknown).forEach((number, settings) -> {
            Limits read = Limits.of(settings);
            limits.put(number, read);
            remembered.put(number, read);
        });
        return limits;
    }
}
