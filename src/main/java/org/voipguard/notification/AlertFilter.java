package org.voipguard.notification;

import java.time.Instant;

/**
 * Which alerts to list: each part is optional ({@code null} matches every alert).
 *
 * @param type   an alert type, e.g. {@code NEW_IP}
 * @param number an E.164 number
 * @param from   created at or after this time
 * @param until  created before this time
 */
public record AlertFilter(String type, String number, Instant from, Instant until) {

    public static final AlertFilter ALL = new AlertFilter(null, null, null, null);
}
