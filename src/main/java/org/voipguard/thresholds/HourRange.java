package org.voipguard.thresholds;

/**
 * The hours of the day a row applies in, written {@code 08-18} (from 08:00 up to 18:00), wrapping
 * past midnight ({@code 22-06}), or empty for all day.
 */
public record HourRange(int from, int to) {

    public static final HourRange ALL_DAY = new HourRange(0, 24);

    public boolean contains(int hour) {
        return from < to ? hour >= from && hour < to : hour >= from || hour < to;
    }

    public boolean isAllDay() {
        return from == 0 && to == 24;
    }

    static HourRange parse(String text) {
        if (text.isBlank()) {
            return ALL_DAY;
        }
        String[] ends = text.trim().split("-", -1);
        if (ends.length != 2) {
            throw new IllegalArgumentException("not a range of hours such as 08-18: " + text.trim());
        }
        int from = hour(ends[0]);
        int to = hour(ends[1]);
        if (from == to || from == 24) {
            throw new IllegalArgumentException("an empty range of hours: " + text.trim());
        }
        return new HourRange(from, to);
    }

    private static int hour(String text) {
        String digits = text.trim();
        if (!digits.matches("[0-9]{1,2}") || Integer.parseInt(digits) > 24) {
            throw new IllegalArgumentException("not an hour from 00 to 24: " + digits);
        }
        return Integer.parseInt(digits);
    }
}
