package org.voipguard.billing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The tariff's time bands: peak 08:00–18:00 Monday to Friday, off-peak other weekday hours, weekend. */
public enum TariffPeriod {
    PEAK,
    OFF_PEAK,
    WEEKEND;

    private static final LocalTime PEAK_START = LocalTime.of(8, 0);
    private static final LocalTime PEAK_END = LocalTime.of(18, 0);

    /** The band a call starting at {@code start} falls in, judged by the wall clock in {@code zone}. */
    public static TariffPeriod at(OffsetDateTime start, ZoneId zone) {
        ZonedDateTime local = start.atZoneSameInstant(zone);
        DayOfWeek day = local.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return WEEKEND;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(PEAK_START) && time.isBefore(PEAK_END) ? PEAK : OFF_PEAK;
    }
}
