package org.voipguard.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.voipguard.config.VoipGuardProperties;

class BillingMonthsTest {

    private final BillingMonths months = new BillingMonths(defaultProperties());

    @Test
    void halfPastMidnightOnTheFirstOfAprilInSummerTimeIsApril() {
        assertThat(months.of(Instant.parse("2026-03-31T23:30:00Z"))).isEqualTo(YearMonth.of(2026, 4));
        assertThat(months.of(Instant.parse("2026-03-31T22:59:59Z"))).isEqualTo(YearMonth.of(2026, 3));
    }

    @Test
    void aMinuteBeforeMidnightOnTheLastOfOctoberInWinterTimeIsOctober() {
        assertThat(months.of(Instant.parse("2026-10-31T23:59:00Z"))).isEqualTo(YearMonth.of(2026, 10));
        assertThat(months.of(Instant.parse("2026-11-01T00:00:00Z"))).isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void theOffsetACallRecordCarriesDoesNotDecideTheMonth() {
        assertThat(months.of(OffsetDateTime.parse("2026-03-31T19:30:00-04:00"))).isEqualTo(YearMonth.of(2026, 4));
    }

    private static VoipGuardProperties defaultProperties() {
        return new Binder(new MapConfigurationPropertySource()).bindOrCreate("voipguard", VoipGuardProperties.class);
    }
}
