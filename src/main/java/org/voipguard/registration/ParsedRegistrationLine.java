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
}
