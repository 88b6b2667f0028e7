package org.voipguard.thresholds;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * One row of the thresholds file: for a profile and a check, from a dialled prefix, on some days
 * and hours, the counts at which the check raises a warning and a critical alert. A count
 * <em>reaches</em> a threshold when it is equal to it or above; {@code 0} means off.
 *
 * @param prefix dialled digits without {@code +} ({@code ""} for every number)
 * @param window the span a count is taken over, where the check has one (else {@link Duration#ZERO})
 * @param quiet  how long after an alert the same subject raises none again (else {@link Duration#ZERO})
 * @param ban    how long an address the alert is about stays on the blocklist (else {@link Duration#ZERO})
 * @param line   the line of the file the row is on, for messages
 */
public record Threshold(String profile, Check check, String prefix, DaysOfWeek days, HourRange hours,
        long warning, long critical, Duration window, Duration quiet, Duration ban, long line) {

    /** The severity a count reaches, if any: critical wins. */
    public Optional<Severity> severityOf(long count) {
        if (critical > 0 && count >= critical) {
            return Optional.of(Severity.CRITICAL);
        }
        if (warning > 0 && count >= warning) {
            return Optional.of(Severity.WARNING);
        }
        return Optional.empty();
    }

    /** True when neither threshold is set: the check is switched off here. */
    public boolean isOff() {
        return warning <= 0 && critical <= 0;
    }

    /** The lowest count that raises anything ({@link Long#MAX_VALUE} when off). */
    public long lowestThreshold() {
        if (isOff()) {
            return Long.MAX_VALUE;
        }
        return warning > 0 && (critical <= 0 || warning < critical) ? warning : critical;
    }

    boolean appliesAt(ZonedDateTime localTime) {
        return days.contains(localTime.getDayOfWeek()) && hours.contains(localTime.getHour());
    }

    boolean appliesTo(String dialledDigits) {
        return dialledDigits.startsWith(prefix);
    }

    /** Rows restricted to some days or hours win over an unrestricted row with the same prefix. */
    int specificity() {
        return prefix.length() * 4 + (days.isEveryDay() ? 0 : 2) + (hours.isAllDay() ? 0 : 1);
    }
}
