package org.voipguard.callpatterns;

import java.time.Instant;
import java.util.Comparator;

/**
 * An outgoing call as the call-pattern checks see it.
 *
 * @param dialledDigits the dialled number in E.164 without {@code +}, as threshold prefixes are written
 */
public record PatternCall(String callId, String number, Instant start, int durationS, String dialledDigits) {

    /** Time order; calls started in the same instant in call id order, so every run sees the same order. */
    static final Comparator<PatternCall> IN_TIME_ORDER =
            Comparator.comparing(PatternCall::start).thenComparing(PatternCall::callId);

    Instant end() {
        return start.plusSeconds(durationS);
    }
}
