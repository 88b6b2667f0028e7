package org.voipguard.thresholds;

/** The checks a threshold row can set, each the alert type it raises. */
public enum Check {
    /** Calls a number started in any 60-second window. */
    CALL_RATE(true),
    /** A number's calls overlapping in time. */
    CONCURRENT_CALLS(true),
    /** A number's consecutive calls to the same dialled number. */
    SEQUENTIAL_CALLS(true),
    /** One call's duration, in minutes. */
    LONG_CALL(true),
    /** A number's calls in one calendar day. */
    DAILY_CALLS(true),
    /** Failed authentications from one source address, whatever the numbers. */
    AUTH_FAILURES(false),
    /** Failed authentications against one number, whatever the addresses. */
    PASSWORD_GUESSING(false),
    /** Requests from a known scanner's User-Agent. */
    SCANNER(false),
    /**
     * Not a count: only the {@code ban} column of its row is read, how long the address of a
     * {@code LOCKDOWN_BLOCKED} alert (the right password from outside the access list) is blocked.
     */
    LOCKDOWN_BLOCKED(false);

    private final boolean aboutCalls;

    Check(boolean aboutCalls) {
        this.aboutCalls = aboutCalls;
    }

    /** True for the checks over CDRs, which may be set per dialled prefix, day and hour. */
    public boolean isAboutCalls() {
        return aboutCalls;
    }
}
