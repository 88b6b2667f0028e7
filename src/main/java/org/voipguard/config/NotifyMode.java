package org.voipguard.config;

/** The IP/agent notification setting of a number (SPEC P4). */
public enum NotifyMode {
    /** Email whenever a new IP address or a new User-Agent registers (the default). */
    NEW_IP_OR_AGENT,
    /** Email only when a new User-Agent registers; the IP may change freely. */
    NEW_AGENT,
    /** No alert and no email (not recommended). */
    NONE
}
