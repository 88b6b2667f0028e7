package org.voipguard.registration;

import java.time.Instant;

/**
 * One REGISTER as the registrar logged it, whatever the log format. {@code userAgent},
 * {@code sourcePort}, {@code transport} and {@code expiresS} are {@code null} when the format
 * does not carry them.
 */
public record RegistrationRecord(
        Instant time,
        String number,
        String sourceIp,
        Integer sourcePort,
        String transport,
        String userAgent,
        AuthResult authResult,
        Integer expiresS) {
}
