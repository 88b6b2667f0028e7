package org.voipguard.thresholds;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The days of the week a row applies on, written {@code Mon-Fri}, {@code Sat,Sun} or empty for every day. */
public record DaysOfWeek(Set<DayOfWeek> days) {

    public static final DaysOfWeek EVERY_DAY = new DaysOfWeek(EnumSet.allOf(DayOfWeek.class));

    /** Held as an {@link EnumSet}: {@link #contains} is asked for every call a call check counts. */
    public DaysOfWeek {
        EnumSet<DayOfWeek> copy = EnumSet.noneOf(DayOfWeek.class);
        copy.addAll(days);
        days = Collections.unmodifiableSet(copy);
    }

    public boolean contains(DayOfWeek day) {
        return days.contains(day);
    }

    public boolean isEveryDay() {
        return days.size() == DayOfWeek.values().length;
    }

    /** Parses {@code Mon-Fri}, {@code Sat,Sun}, {@code Mon-Wed,Fri}; a range may wrap ({@code Fri-Mon}). */
    static DaysOfWeek parse(String text) {
        if (text.isBlank()) {
            return EVERY_DAY;
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String[] ends = part.trim().split("-", -1);
            if (ends.length > 2) {
                throw new IllegalArgumentException("not a day or a range of days: " + part.trim());
            }
            DayOfWeek from = day(ends[0]);
            DayOfWeek to = ends.length == 2 ? day(ends[1]) : from;
            for (DayOfWeek day = from; ; day = day.plus(1)) {
                days.add(day);
                if (day == to) {
                    break;
                }
            }
        }
        return new DaysOfWeek(days);
    }

    private static DayOfWeek day(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (name.length() >= 3 && day.name().startsWith(name)) {
                return day;
            }
        }
        throw new IllegalArgumentException("not a day of the week (Mon, Tue, ... Sun): " + text.trim());
    }
}
