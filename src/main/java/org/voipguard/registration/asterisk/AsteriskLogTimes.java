package org.voipguard.registration.asterisk;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times at the start of Asterisk log lines, local times in {@code voipguard.time-zone}:
 * {@code 2026-11-02 10:15:04} (Asterisk's default, fractions allowed), {@code Nov  2 10:15:04}
 * (Asterisk's {@code dateformat} of old, and syslog) without a year, and the RFC 3339 times of
 * a high-precision syslog, which carry their offset. A time without a year is in the latest
 * year that does not put it more than a day after now: a log of late December read in January
 * is last year's.
 */
final class AsteriskLogTimes {

    private static final Duration AHEAD_ALLOWED = Duration.ofDays(1);
    private static final int YEARS_BACK = 8;
    private static final Pattern SHORT = Pattern.compile("([A-Z][a-z]{2}) {1,2}([0-9]{1,2}) ([0-9]{2}:[0-9]{2}:[0-9]{2})");
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("(.*[+-][0-9]{2})([0-9]{2})");

    private final ZoneId zone;
    private final Clock clock;

    AsteriskLogTimes(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    /** {@code 2026-11-02 10:15:04} or {@code 2026-11-02T10:15:04.123}, local. */
    Optional<Instant> localDateTime(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code 2026-11-02T10:15:04.123456+00:00}, {@code +0000} or {@code Z}. */
    Optional<Instant> withOffset(String text) {
        Matcher noColon = OFFSET_WITHOUT_COLON.matcher(text);
        String iso = noColon.matches() ? noColon.group(1) + ":" + noColon.group(2) : text;
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code Nov  2 10:15:04}, local, the year inferred. */
    Optional<Instant> withoutYear(String text) {
        Matcher m = SHORT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Month> month = month(m.group(1));
        if (month.isEmpty()) {
            return Optional.empty();
        }
        int day = Integer.parseInt(m.group(2));
        LocalTime time;
        try {
            time = LocalTime.parse(m.group(3));
            MonthDay.of(month.get(), day);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        Instant latest = clock.instant().plus(AHEAD_ALLOWED);
        int year = clock.instant().atZone(zone).getYear();
        for (int y = year; y >= year - YEARS_BACK; y--) {
            if (MonthDay.of(month.get(), day).isValidYear(y)) {
                Instant candidate = LocalDate.of(y, month.get(), day).atTime(time).atZone(zone).toInstant();
                if (!candidate.isAfter(latest)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Month> month(String abbreviation) {
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(abbreviation)) {
                return Optional.of(month);
            }
        }
        return Optional.empty();
    }
}
