package org.voipguard.cdr;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.numbers.SettingsLookup;

/**
 * The price limits (and threshold profiles) of the numbers one import meets, each number's read
 * once for the whole import (see {@link SettingsLookup}). Settings do not change during an
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

    private final SettingsLookup<Limits> limits;

    PriceLimits(NumberDirectory numbers, int capacity) {
        this.limits = new SettingsLookup<>(numbers, Limits::of, capacity);
    }

    /** The limits of every number given, reading the ones not yet read in one go. */
    Map<String, Limits> of(Collection<String> wanted) {
        return limits.of(wanted);
    }
}
