package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast reader accepts and rejects exactly what {@link OffsetDateTime#parse} does, with the same result. */
class IsoTimesProperties {

    @Property(tries = 5000)
    void readsLikeOffsetDateTimeParse(@ForAll("nearlyIsoTimes") String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text);
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> IsoTimes.parseOffsetDateTime(text)).isInstanceOf(DateTimeException.class);
            return;
        }
        assertThat(IsoTimes.parseOffsetDateTime(text)).isEqualTo(expected);
    }

    @Example
    void readsTheFormsOfTheInputFiles() {
        assertThat(IsoTimes.parseOffsetDateTime("2026-11-02T10:15:04Z"))
                .isEqualTo(OffsetDateTime.parse("2026-11-02T10:15:04Z"));
        assertThat(IsoTimes.parseOffsetDateTime("2026-10-01T09:15:00+01:00"))
                .isEqualTo(OffsetDateTime.parse("2026-10-01T09:15:00+01:00"));
        assertThat(IsoTimes.parseOffsetDateTime("2026-10-01T09:15+01:00"))
                .isEqualTo(OffsetDateTime.parse("2026-10-01T09:15+01:00"));
    }

    @Provide
    Arbitrary<String> nearlyIsoTimes() {
        Arbitrary<String> year = Arbitraries.of("2026", "2024", "0000", "1999", "20x6", "+2026");
        Arbitrary<String> twoDigits = Arbitraries.integers().between(0, 99).map(n -> String.format("%02d", n));
        Arbitrary<String> separator = Arbitraries.of("T", "T", "T", "t", " ");
        Arbitrary<String> offset = Arbitraries.of("Z", "z", "+01:00", "-05:30", "+18:00", "+19:00", "-00:00",
                "+01:60", "+0100", "+01", "", "+01:00:00", "+1:00");
        Arbitrary<String> seconds = Arbitraries.of(":", ":", ":", "").flatMap(colon -> colon.isEmpty()
                ? Arbitraries.just("") : twoDigits.map(s -> ":" + s));
        Arbitrary<String> date = Combinators.combine(year, twoDigits, twoDigits).as((y, m, d) -> y + "-" + m + "-" + d);
        Arbitrary<String> time = Combinators.combine(twoDigits, twoDigits, seconds).as((h, m, s) -> h + ":" + m + s);
        return Combinators.combine(date, separator, time, offset).as((d, sep, t, o) -> d + sep + t + o);
    }
}
