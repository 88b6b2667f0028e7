package org.voipguard.callpatterns;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The outgoing calls of one day held by {@link CallHistory}, column by column instead of one
 * object per call: a day holds every call of every number, so at 10,000,000 calls a month over
 * 100,000 numbers the three days held took about 260 MB as objects. Here a call takes its call
 * id's bytes, its start, duration and dialled digits (a {@code long} when they are a number) and
 * the position of the same number's call before it; each number keeps the position of its latest.
 */
final class HeldDay {

    private static final int FIRST_CAPACITY = 256;
    private static final int NONE = -1;
    /** Dialled digits held as a {@code long}: no leading zero, at most 18 digits. */
    private static final Pattern DIGITS_AS_NUMBER = Pattern.compile("[1-9][0-9]{0,17}");
    private static final long NOT_A_NUMBER = -1;

    private final Map<String, Integer> latestOfNumber = new HashMap<>();
    /** Dialled digits that are not a number (a leading zero, too long, empty), by position: rare. */
    private final Map<Integer, String> dialledText = new HashMap<>();
    private byte[][] callIds = new byte[FIRST_CAPACITY][];
    private long[] startSeconds = new long[FIRST_CAPACITY];
    private int[] startNanos = new int[FIRST_CAPACITY];
    private int[] durations = new int[FIRST_CAPACITY];
    private long[] dialled = new long[FIRST_CAPACITY];
    private int[] previousOfNumber = new int[FIRST_CAPACITY];
    private int size;

    void add(PatternCall call) {
        if (size == callIds.length) {
            grow();
        }
        int at = size++;
        callIds[at] = call.callId().getBytes(StandardCharsets.UTF_8);
        startSeconds[at] = call.start().getEpochSecond();
        startNanos[at] = call.start().getNano();
        durations[at] = call.durationS();
        String digits = call.dialledDigits();
        if (DIGITS_AS_NUMBER.matcher(digits).matches()) {
            dialled[at] = Long.parseLong(digits);
        } else {
            dialled[at] = NOT_A_NUMBER;
            dialledText.put(at, digits);
        }
        Integer previous = latestOfNumber.put(call.number(), at);
        previousOfNumber[at] = previous == null ? NONE : previous;
    }

    /** The number's calls, latest first. */
    List<PatternCall> callsOf(String number) {
        Integer latest = latestOfNumber.get(number);
        if (latest == null) {
            return List.of();
        }
        List<PatternCall> calls = new ArrayList<>();
        for (int at = latest; at != NONE; at = previousOfNumber[at]) {
            calls.add(new PatternCall(new String(callIds[at], StandardCharsets.UTF_8), number,
                    Instant.ofEpochSecond(startSeconds[at], startNanos[at]), durations[at],
                    dialled[at] == NOT_A_NUMBER ? dialledText.get(at) : Long.toString(dialled[at])));
        }
        return calls;
    }

    int size() {
        return size;
    }

    private void grow() {
        int capacity = callIds.length + (callIds.length >> 1);
        callIds = Arrays.copyOf(callIds, capacity);
        startSeconds = Arrays.copyOf(startSeconds, capacity);
        startNanos = Arrays.copyOf(startNanos, capacity);
        durations = Arrays.copyOf(durations, capacity);
        dialled = Arrays.copyOf(dialled, capacity);
        previousOfNumber = Arrays.copyOf(previousOfNumber, capacity);
    }
}
