package org.voipguard.callpatterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The days of calls the call-pattern checks count over, held compactly and read back from where calls are kept. */
class CallHistoryTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String ALICE = "+441632960001";
    private static final String BOB = "+441632960002";
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Test
    void aCallComesBackAsItWasKeptWhateverItsIdDigitsAndStart() {
        List<PatternCall> kept = List.of(
                call("call-ä-☎-1", ALICE, "2026-11-30T09:00:00.123456789Z", 61, "447700900123"),
                call("call-2", ALICE, "2026-11-30T09:01:00Z", 0, "00441632960999"),
                call("call-3", ALICE, "2026-11-30T09:02:00Z", 5, "1234567890123456789012"),
                call("call-4", ALICE, "2026-11-30T09:03:00Z", 5, ""),
                call("call-5", BOB, "2026-11-30T09:04:00Z", 7, "882123"));
        CallHistory history = new CallHistory(CallHistory.Source.NOTHING, LONDON, 3);
        history.prepareFor(kept);

        history.add(kept);

        assertThat(history.callsOf(ALICE, MONDAY)).containsExactlyInAnyOrderElementsOf(kept.subList(0, 4));
        assertThat(history.callsOf(BOB, MONDAY)).containsExactly(kept.get(4));
        assertThat(history.callsOf("+441632960003", MONDAY)).isEmpty();
    }

    @Test
    void theCallsKeptEarlierAreReadOnceForTheDayAndTheDayBefore() {
        PatternCall sunday = call("old-1", ALICE, "2026-11-29T23:59:30Z", 120, "447700900123");
        PatternCall monday = call("old-2", ALICE, "2026-11-30T00:00:10Z", 30, "447700900123");
        List<Instant> reads = new ArrayList<>();
        CallHistory history = new CallHistory((from, to, calls) -> {
            reads.add(from);
            List.of(sunday, monday).stream().filter(c -> !c.start().isBefore(from) && c.start().isBefore(to))
                    .forEach(calls);
        }, LONDON, 3);
        PatternCall fresh = call("new-1", ALICE, "2026-11-30T00:00:40Z", 10, "447700900123");

        history.prepareFor(List.of(fresh));
        history.add(List.of(fresh));
        history.prepareFor(List.of(call("new-2", BOB, "2026-11-30T00:01:00Z", 10, "447700900123")));

        assertThat(reads).containsExactlyInAnyOrder(Instant.parse("2026-11-29T00:00:00Z"),
                Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(history.callsOf(ALICE, MONDAY.minusDays(1))).containsExactly(sunday);
        assertThat(history.callsOf(ALICE, MONDAY)).containsExactlyInAnyOrder(monday, fresh);
        assertThat(history.callsHeld()).isEqualTo(3);
    }

    @Test
    void theLeastRecentlyUsedDayIsGivenUpBeyondTheDaysKept() {
        CallHistory history = new CallHistory(CallHistory.Source.NOTHING, LONDON, 3);
        for (int day = 1; day <= 5; day++) {
            PatternCall call = call("call-" + day, ALICE, "2026-11-0" + day + "T12:00:00Z", 10, "447700900123");
            history.prepareFor(List.of(call));
            history.add(List.of(call));
        }

        assertThat(history.callsHeld()).isEqualTo(3);
        assertThat(history.callsOf(ALICE, LocalDate.of(2026, 11, 3))).hasSize(1);
        assertThat(history.callsOf(ALICE, LocalDate.of(2026, 11, 2))).isEmpty();
    }

    private static PatternCall call(String id, String number, String start, int durationS, String dialled) {
        return new PatternCall(id, number, Instant.parse(start), durationS, dialled);
    }
}
