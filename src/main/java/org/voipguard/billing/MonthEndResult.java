package org.voipguard.billing;

import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What a month-end run did, with its one-line summary. */
public record MonthEndResult(YearMonth month, Status status, MonthlyBills.Totals totals, OffsetDateTime closedAt,
        String failure) {

    public enum Status { CLOSED, ALREADY_CLOSED, FAILED }

    private static final DateTimeFormatter CLOSED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    static MonthEndResult closed(YearMonth month, MonthlyBills.Totals totals, OffsetDateTime closedAt) {
        return new MonthEndResult(month, Status.CLOSED, totals, closedAt, null);
    }

    static MonthEndResult alreadyClosed(YearMonth month, OffsetDateTime closedAt) {
        return new MonthEndResult(month, Status.ALREADY_CLOSED, null, closedAt, null);
    }

    static MonthEndResult failed(YearMonth month, String failure) {
        return new MonthEndResult(month, Status.FAILED, null, null, failure);
    }

    /**
     * E.g. {@code closed 2026-10: 6 numbers billed, GBP 123.45 in all; 2 automatic warning levels raised, 1 lowered}.
     */
    public String summary() {
        return switch (status) {
            case CLOSED -> "closed %s: %d numbers billed, GBP %s in all; %d automatic warning levels raised, %d lowered"
                    .formatted(month, totals.numbersBilled(), totals.totalGbp().setScale(2, RoundingMode.HALF_UP),
                            totals.levelsRaised(), totals.levelsLowered());
            case ALREADY_CLOSED -> "%s was already closed on %s; nothing changed".formatted(month,
                    CLOSED_AT.format(closedAt.withOffsetSameInstant(ZoneOffset.UTC)));
            case FAILED -> "closing %s FAILED: %s".formatted(month, failure);
        };
    }
}
