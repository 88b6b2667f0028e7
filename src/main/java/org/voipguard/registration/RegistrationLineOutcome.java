package org.voipguard.registration;

/** What became of one registration log line in the load step. */
public sealed interface RegistrationLineOutcome {

    long lineNumber();

    record Registration(long lineNumber, RegistrationRecord record, String eventKey) implements RegistrationLineOutcome {
    }

    record Rejected(long lineNumber, String field, String reason, String rawLine) implements RegistrationLineOutcome {
    }

    /**
     * A failed request for a user that is no number: counted as skipped by {@code kind}, as it
     * is no customer's registration, but stored without a number for the address checks.
     */
    record NotANumber(long lineNumber, RegistrationRecord record, String eventKey, String kind)
            implements RegistrationLineOutcome {
    }

    /** A good line that is not a registration, e.g. another kind of Asterisk security event. */
    record Skipped(long lineNumber, String kind) implements RegistrationLineOutcome {
    }
}
