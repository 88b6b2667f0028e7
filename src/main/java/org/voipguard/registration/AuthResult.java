package org.voipguard.registration;

/** How the registrar answered a REGISTER. */
public enum AuthResult {
    OK,
    BAD_PASSWORD,
    UNKNOWN_USER
}
