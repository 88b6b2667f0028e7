package org.voipguard.thresholds;

/** How far past its thresholds a count went; {@link #CRITICAL} wins over {@link #WARNING}. */
public enum Severity {
    WARNING,
    CRITICAL
}
