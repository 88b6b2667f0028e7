package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class PlausibleTimesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final PlausibleTimes window = new PlausibleTimes(EARLIEST, Duration.ofDays(1), LONDON,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theEarliestDayAndOneDayAheadAreBelieved() {
        assertThat(window.problem(EARLIEST)).isNull();
        assertThat(window.problem(NOW)).isNull();
        assertThat(window.problem(NOW.plus(Duration.ofDays(1)))).isNull();
    }

    @Test
    void justOutsideEitherEndIsNot() {
        assertThat(window.problem(EARLIEST.minusNanos(1))).contains("before 2000-01-01");
        assertThat(window.problem(NOW.plus(Duration.ofDays(1)).plusSeconds(1))).contains("more than 1 day after now");
    }

    @Test
    void aMonthIsImplausibleOnlyWhenItEndsBeforeTheEarliestDay() {
        assertThat(window.problem(YearMonth.of(1999, 12))).contains("1999-12 is before 2000-01-01");
        assertThat(window.problem(YearMonth.of(2000, 1))).isNull();
        assertThat(window.problem(YearMonth.of(1, 1))).isNotNull();
    }

    @Test
    void theScenariosWindowBelievesEveryTime() {
        assertThat(PlausibleTimes.any().problem(Instant.parse("+10000-01-01T00:00:00Z"))).isNull();
        assertThat(PlausibleTimes.any().problem(YearMonth.of(1, 1))).isNull();
    }
}
