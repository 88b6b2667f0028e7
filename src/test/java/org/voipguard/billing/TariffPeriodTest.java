package org.voipguard.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TariffPeriodTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "{0} is {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            2025-07-16T07:30:00Z      | PEAK     | Wednesday 08:30 BST
            2025-07-16T06:59:00Z      | OFF_PEAK | Wednesday 07:59 BST
            2025-07-16T07:00:00Z      | PEAK     | Wednesday 08:00 BST
            2025-07-16T16:59:00Z      | PEAK     | Wednesday 17:59 BST
            2025-07-16T17:00:00Z      | OFF_PEAK | Wednesday 18:00 BST
            2025-07-16T09:30:00+02:00 | PEAK     | Wednesday 08:30 BST, given in CEST
            2025-01-15T07:59:00Z      | OFF_PEAK | Wednesday 07:59 GMT
            2025-01-15T08:00:00Z      | PEAK     | Wednesday 08:00 GMT
            2025-01-15T17:59:00Z      | PEAK     | Wednesday 17:59 GMT
            2025-01-15T18:00:00Z      | OFF_PEAK | Wednesday 18:00 GMT
            2025-01-15T23:59:59Z      | OFF_PEAK | Wednesday 23:59 GMT
            2025-01-15T00:00:00Z      | OFF_PEAK | Wednesday midnight GMT
            2025-07-19T12:00:00+01:00 | WEEKEND  | Saturday noon BST
            2025-07-18T23:30:00Z      | WEEKEND  | Saturday 00:30 BST, still Friday in UTC
            2025-07-18T22:59:59Z      | OFF_PEAK | Friday 23:59 BST
            2025-07-20T23:30:00Z      | OFF_PEAK | Monday 00:30 BST, still Sunday in UTC
            2025-01-19T23:30:00Z      | WEEKEND  | Sunday 23:30 GMT
            2025-03-28T07:30:00Z      | OFF_PEAK | Friday before the spring change, 07:30 GMT
            2025-03-28T17:30:00Z      | PEAK     | Friday before the spring change, 17:30 GMT
            2025-03-30T01:30:00Z      | WEEKEND  | Sunday of the spring change, 02:30 BST
            2025-03-31T07:30:00Z      | PEAK     | Monday after the spring change, 08:30 BST
            2025-03-31T17:30:00Z      | OFF_PEAK | Monday after the spring change, 18:30 BST
            2025-10-24T07:30:00Z      | PEAK     | Friday before the autumn change, 08:30 BST
            2025-10-24T17:30:00Z      | OFF_PEAK | Friday before the autumn change, 18:30 BST
            2025-10-26T01:30:00Z      | WEEKEND  | Sunday of the autumn change, 01:30 GMT
            2025-10-27T07:30:00Z      | OFF_PEAK | Monday after the autumn change, 07:30 GMT
            2025-10-27T17:30:00Z      | PEAK     | Monday after the autumn change, 17:30 GMT
            """)
    void bandIsJudgedByTheLondonWallClock(OffsetDateTime start, TariffPeriod expected, String why) {
        assertThat(TariffPeriod.at(start, LONDON)).as(why).isEqualTo(expected);
    }
}
