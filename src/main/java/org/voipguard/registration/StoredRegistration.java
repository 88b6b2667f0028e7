package org.voipguard.registration;

import java.time.Instant;

/** A registration event as stored by the load step, waiting to be evaluated. */
public record StoredRegistration(
        long id,
        String eventKey,
        Instant time,
        String number,
        String sourceIp,
        Integer sourcePort,
        String transport,
        String userAgent,
        AuthResult authResult,
        Integer expiresS) {
}
