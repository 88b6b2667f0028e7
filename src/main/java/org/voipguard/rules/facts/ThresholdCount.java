package org.voipguard.rules.facts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.voipguard.rules.AlertSubject;

/**
 * What the registration-abuse checks share: a count of events of one subject (an address or a
 * number) within the check's window, up to the event that made it reach a threshold of the
 * thresholds file, and the severity it reached. Such a fact is built only when a threshold is
 * reached and the subject is not in a quiet period for that severity.
 */
public abstract class ThresholdCount implements AlertSubject {

    private final String subject;
    private final long count;
    private final Duration window;
    private final String firstTime;
    private final String lastTime;
    private final long warning;
    private final long critical;
    private final String severity;

    protected ThresholdCount(String subject, long count, Duration window, String firstTime, String lastTime,
            long warning, long critical, String severity) {
        this.subject = subject;
        this.count = count;
        this.window = window;
        this.firstTime = firstTime;
        this.lastTime = lastTime;
        this.warning = warning;
        this.critical = critical;
        this.severity = severity;
    }

    /** How many events within the window, this one included. */
    public long getCount() { return count; }
    /** The window, e.g. {@code 5m}; {@code 0s} when the check counts single events. */
    public String getWindow() { return shown(window); }
    /** The first event counted, ISO-8601. */
    public String getFirstTime() { return firstTime; }
    /** The event that reached the threshold, ISO-8601. */
    public String getLastTime() { return lastTime; }
    /** The warning threshold of the thresholds file (0 = off). */
    public long getWarning() { return warning; }
    /** The critical threshold of the thresholds file (0 = off). */
    public long getCritical() { return critical; }
    /** WARNING or CRITICAL: the highest threshold the count reached. */
    public String getSeverity() { return severity; }
    public boolean isCritical() { return "CRITICAL".equals(severity); }
    /** True when the count reached a threshold: always, as such facts are built only then. */
    public boolean isThresholdReached() { return severity != null; }

    @Override
    public String getAlertKey() {
        return subject + ":" + lastTime + ":" + severity;
    }

    /** The facts shown with the alert: {@code subjectFacts} first, then the count and the severity. */
    protected Map<String, String> describe(Map<String, String> subjectFacts, String countName) {
        Map<String, String> facts = new LinkedHashMap<>(subjectFacts);
        facts.put(countName, String.valueOf(count));
        facts.put("window", getWindow());
        facts.put("first_time", firstTime);
        facts.put("last_time", lastTime);
        facts.put("threshold", String.valueOf(isCritical() ? critical : warning));
        facts.put("severity", severity);
        return facts;
    }

    /** {@code 90s}, {@code 5m}, {@code 1h}, {@code 2d}. */
    static String shown(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
