package org.voipguard.bench;

import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.voipguard.callpatterns.CallHistory;
import org.voipguard.callpatterns.PatternCall;

/**
 * How much heap the call-pattern checks' history holds: three days of calls of the benchmark's
 * shape (100,000 numbers, call ids and dialled numbers as the benchmark writes them), read as
 * the import reads them. {@code java ... org.voipguard.bench.CallHistoryMemory [calls a day]};
 * the default, 322,581, is 10,000,000 calls in a 31-day month.
 */
public final class CallHistoryMemory {

    private static final int NUMBERS = 100_000;
    private static final Instant MONTH_START = Instant.parse("2026-10-01T00:00:00Z");

    private CallHistoryMemory() {
    }

    public static void main(String[] args) throws InterruptedException {
        int callsADay = args.length > 0 ? Integer.parseInt(args[0]) : 322_581;
        CallHistory history = new CallHistory(daysOf(callsADay), ZoneOffset.UTC, 3);
        long before = usedAfterGc();
        for (int day = 1; day <= 3; day++) {
            history.prepareFor(List.of(new PatternCall("probe", "+441632900000",
                    MONTH_START.plus(Duration.ofDays(day)), 1, "44")));
        }
        long held = usedAfterGc() - before;
        System.out.printf(Locale.ROOT, "%,d calls a day, three days held: %,d MB, %.0f bytes a call%n", callsADay,
                held >> 20, held / (3.0 * callsADay));
        Reference.reachabilityFence(history);
    }

    /** A day of calls spread over the numbers, each string its own object as a result set gives it. */
    private static CallHistory.Source daysOf(int callsADay) {
        return (from, to, calls) -> {
            long seconds = Duration.between(from, to).getSeconds();
            for (int i = 0; i < callsADay; i++) {
                calls.accept(new PatternCall("cdr-" + from.getEpochSecond() + "-" + i,
                        String.format(Locale.ROOT, "+4416329%05d", i % NUMBERS), from.plusSeconds(i * seconds / callsADay),
                        60 + i % 300, Long.toString(447_700_000_000L + (i * 7_919L) % 100_000_000L)));
            }
        };
    }

    private static long usedAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(300);
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
