package org.voipguard.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;

/**
 * The times an input line may carry ({@code voipguard.plausible-times}): not before the
 * earliest day, not more than {@code max-ahead} after now. A call dated 0001 or 2099 would
 * otherwise open a month of its own and send bill warnings for it, and a registration dated
 * year 10000 would count as a phone registered for ever.
 */
@Component
public final class PlausibleTimes {

    private static final PlausibleTimes ANY = new PlausibleTimes(Instant.MIN, null, ZoneId.of("UTC"), Clock.systemUTC());

    private final Instant earliest;
    private final Duration maxAhead;
    private final ZoneId zone;
    private final Clock clock;

    @Autowired
    public PlausibleTimes(VoipGuardProperties properties) {
        this(properties.plausibleTimes().earliest().atStartOfDay(properties.timeZone()).toInstant(),
                properties.plausibleTimes().maxAhead(), properties.timeZone(), Clock.systemUTC());
    }

    public PlausibleTimes(Instant earliest, Duration maxAhead, ZoneId zone, Clock clock) {
        if (maxAhead != null && maxAhead.isNegative()) {
            throw new IllegalArgumentException("voipguard.plausible-times.max-ahead must not be negative: " + maxAhead);
        }
        this.earliest = earliest;
        this.maxAhead = maxAhead;
        this.zone = zone;
        this.clock = clock;
    }

    /** Every time is believed: for the analysts' scenarios, whose dates are examples. */
    public static PlausibleTimes any() {
        return ANY;
    }

    /** Why the time is not believed, for a rejected line; null when it is. */
    public String problem(Instant time) {
        if (time.isBefore(earliest)) {
            return time + " is before " + earliest.atZone(zone).toLocalDate()
                    + ", the earliest plausible time (voipguard.plausible-times.earliest)";
        }
        if (maxAhead != null && time.isAfter(clock.instant().plus(maxAhead))) {
            return time + " is more than " + describe(maxAhead)
                    + " after now (voipguard.plausible-times.max-ahead)";
        }
        return null;
    }

    /** Why the month cannot hold plausible times at all; null when it can. */
    public String problem(YearMonth month) {
        if (!month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().isAfter(earliest)) {
            return month + " is before " + earliest.atZone(zone).toLocalDate()
                    + ", the earliest plausible time (voipguard.plausible-times.earliest)";
        }
        return null;
    }

    private static String describe(Duration duration) {
        if (duration.toSeconds() % 86_400 == 0) {
            long days = duration.toDays();
            return days == 1 ? "1 day" : days + " days";
        }
        return duration.toString();
    }
}
