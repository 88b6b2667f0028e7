package org.voipguard.registration;

/** What the registrar's REGISTER amounted to, once evaluated; an event without one is still to be evaluated. */
public enum RegistrationOutcome {
    /** Correct password from a permitted address: the phone is registered. */
    ACCEPTED,
    /** From an address outside the number's access list: refused, never a registered phone. */
    BLOCKED,
    /** Wrong password or unknown user. */
    AUTH_FAILED
}
