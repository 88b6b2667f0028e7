package org.voipguard.cdr;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A validated line of the canonical CDR file
 * ({@code call_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status}).
 * {@code ratePpm} and {@code costGbp} are {@code null} when the cell was empty.
 */
public record CdrRecord(
        String callId,
        String number,
        Direction direction,
        OffsetDateTime startTime,
        int durationS,
        String called,
        BigDecimal ratePpm,
        BigDecimal costGbp,
        int status) {

    public enum Direction { IN, OUT }
}
