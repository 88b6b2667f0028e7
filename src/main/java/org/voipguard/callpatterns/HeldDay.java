package org.voipguard.callpatterns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The outgoing calls of one day held by {@link CallHistory}, number by number, in arrays instead
 * of one object per call: a day holds every call of every number, so at 10,000,000 calls a month
 * over 100,000 numbers the three days held took about 260 MB as objects. Here a call takes its
 * call id and three {@code long}s (start, nanoseconds and duration, dialled digits as a number),
 * next to the number's other calls, so a busy number's day is read from a few places in memory.
 */
final class HeldDay {

    private final Map<String, NumberCalls> byNumber = new HashMap<>();
    private int size;

    void add(PatternCall call) {
        byNumber.computeIfAbsent(call.number(), number -> new NumberCalls()).add(call);
        size++;
    }

    /** The number's calls, in the order they were added. */
    List<PatternCall> callsOf(String number) {
        NumberCalls calls = byNumber.get(number);
        return calls == null ? List.of() : calls.asPatternCalls(number);
    }

    int size() {
        return size;
    }

    /** One number's calls of the day. */
    private static final class NumberCalls {

        private static final int LONGS_A_CALL = 3;
        /** Dialled digits held as a {@code long}: no leading zero, at most 18 digits. */
        private static final Pattern DIGITS_AS_NUMBER = Pattern.compile("[1-9][0-9]{0,17}");
        private static final long NOT_A_NUMBER = -1;

        private String[] callIds = new String[2];
        private long[] fields = new long[2 * LONGS_A_CALL];
        /** Dialled digits that are not a number (a leading zero, too long, empty), by position: rare. */
        private Map<Integer, String> dialledText;
        private int size;

        void add(PatternCall call) {
            if (size == callIds.length) {
                callIds = Arrays.copyOf(callIds, size * 2);
                fields = Arrays.copyOf(fields, size * 2 * LONGS_A_CALL);
            }
            int at = size++;
            callIds[at] = call.callId();
            int field = at * LONGS_A_CALL;
            fields[field] = call.start().getEpochSecond();
            fields[field + 1] = ((long) call.start().getNano() << 32) | (call.durationS() & 0xFFFF_FFFFL);
            String digits = call.dialledDigits();
            if (DIGITS_AS_NUMBER.matcher(digits).matches()) {
                fields[field + 2] = Long.parseLong(digits);
            } else {
                fields[field + 2] = NOT_A_NUMBER;
                if (dialledText == null) {
                    dialledText = new HashMap<>();
                }
                dialledText.put(at, digits);
            }
        }

        List<PatternCall> asPatternCalls(String number) {
            List<PatternCall> calls = new ArrayList<>(size);
            for (int at = 0; at < size; at++) {
                int field = at * LONGS_A_CALL;
                long nanosAndDuration = fields[field + 1];
                long dialled = fields[field + 2];
                calls.add(new PatternCall(callIds[at], number,
                        Instant.ofEpochSecond(fields[field], (int) (nanosAndDuration >>> 32)), (int) nanosAndDuration,
                        dialled == NOT_A_NUMBER ? dialledText.get(at) : Long.toString(dialled)));
            }
            return calls;
        }
    }
}
