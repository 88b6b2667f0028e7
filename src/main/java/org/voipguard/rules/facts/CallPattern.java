package org.voipguard.rules.facts;

import java.util.LinkedHashMap;
import java.util.Map;

import org.voipguard.rules.AlertSubject;

/**
 * A window of a number's outgoing calls whose count reached a threshold of the thresholds file:
 * calls started in a minute ({@code CALL_RATE}), calls at once ({@code CONCURRENT_CALLS}), calls
 * one after the other to one dialled number ({@code SEQUENTIAL_CALLS}), one call's minutes
 * ({@code LONG_CALL}) or calls in a day ({@code DAILY_CALLS}). The count is the highest the
 * window reached; {@code severity} is what it reached: {@code WARNING} or {@code CRITICAL}
 * (critical wins). The window is named by its first call, so the same window seen again, by a
 * later file or a re-import, has the same alert key.
 */
public final class CallPattern implements AlertSubject {

    private final String check;
    private final String number;
    private final String severity;
    private final long count;
    private final long warning;
    private final long critical;
    private final String profile;
    private final String prefix;
    private final String window;
    private final String firstCall;
    private final String lastCall;
    private final String dialled;
    private final String identity;

    /**
     * @param window    the span counted over, in words ({@code 60s}, {@code 2026-11-02}, {@code call c-1})
     * @param firstCall the start of the window's first call, local time
     * @param lastCall  the start of the call where the count was highest, local time
     * @param dialled   the dialled number the check is about ({@code SEQUENTIAL_CALLS}, {@code LONG_CALL}), else empty
     * @param identity  what names the window: the same each time the window is seen
     */
    public CallPattern(String check, String number, String severity, long count, long warning, long critical,
            String profile, String prefix, String window, String firstCall, String lastCall, String dialled,
            String identity) {
        this.check = check;
        this.number = number;
        this.severity = severity;
        this.count = count;
        this.warning = warning;
        this.critical = critical;
        this.profile = profile;
        this.prefix = prefix;
        this.window = window;
        this.firstCall = firstCall;
        this.lastCall = lastCall;
        this.dialled = dialled;
        this.identity = identity;
    }

    /** {@code CALL_RATE}, {@code CONCURRENT_CALLS}, {@code SEQUENTIAL_CALLS}, {@code LONG_CALL} or {@code DAILY_CALLS}. */
    public String getCheck() { return check; }
    @Override public String getNumber() { return number; }
    /** {@code WARNING} or {@code CRITICAL}: the highest threshold the count reached. */
    public String getSeverity() { return severity; }
    /** Calls, or minutes for {@code LONG_CALL}. */
    public long getCount() { return count; }
    /** The warning threshold of the row that applied (0: none). */
    public long getWarning() { return warning; }
    /** The critical threshold of the row that applied (0: none). */
    public long getCritical() { return critical; }
    /** The number's threshold profile. */
    public String getProfile() { return profile; }
    /** The dialled prefix of the row that applied, empty for every number. */
    public String getPrefix() { return prefix; }
    public String getWindow() { return window; }
    public String getFirstCall() { return firstCall; }
    public String getLastCall() { return lastCall; }
    public String getDialled() { return dialled; }

    @Override
    public String getAlertKey() {
        return number + ":" + identity + ":" + severity;
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("severity", severity);
        facts.put(check.equals("LONG_CALL") ? "minutes" : "calls", Long.toString(count));
        facts.put("warning_at", warning > 0 ? Long.toString(warning) : "off");
        facts.put("critical_at", critical > 0 ? Long.toString(critical) : "off");
        facts.put("window", window);
        facts.put("first_call", firstCall);
        facts.put("last_call", lastCall);
        if (!dialled.isEmpty()) {
            facts.put("dialled", dialled);
        }
        facts.put("prefix", prefix.isEmpty() ? "any" : prefix);
        facts.put("profile", profile);
        return facts;
    }

    @Override
    public String toString() {
        return "CallPattern[" + check + " " + number + " " + count + " " + severity + " from " + firstCall + "]";
    }
}
