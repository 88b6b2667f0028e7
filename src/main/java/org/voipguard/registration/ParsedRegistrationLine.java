package org.voipguard.registration;

/**
 * What one input line of a registration log turned out to be: a registration, a bad line
 * (rejected, with the field at fault) or a good line that is not a registration (skipped and
 * counted, e.g. another kind of Asterisk security event).
 */
public sealed interface ParsedRegistrationLine {

    record Parsed(RegistrationRecord record) implements ParsedRegistrationLine {
    }

    /** {@code reason} may quote the offending value, already escaped and shortened for display. */
    record Rejected(String field, String reason) implements ParsedRegistrationLine {
    }

    record Skipped(String what) implements ParsedRegistrationLine {
    }

    /**
     * A failed request for a user that is no telephone number ({@code admin}, {@code 100}): no
     * customer's registration, so it is skipped and counted by {@code kind} as before, but it is a
     * failed authentication from its address for the {@code AUTH_FAILURES} check. {@code record}
     * has no number; {@code user} is what was tried, as logged, for the event's key only.
     */
    record NotANumber(RegistrationRecord record, String user, String kind) implements ParsedRegistrationLine {
    }
}
