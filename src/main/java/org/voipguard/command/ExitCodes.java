package org.voipguard.command;

/** The exit codes operations scripts rely on. */
public final class ExitCodes {

    /** Done; rejected lines are reported, not fatal. */
    public static final int DONE = 0;
    /** The run failed. */
    public static final int FAILED = 1;
    /** Bad arguments or configuration. */
    public static final int BAD_USAGE = 2;

    private ExitCodes() {
    }
}
