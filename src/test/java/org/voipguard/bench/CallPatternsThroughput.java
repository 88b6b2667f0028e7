package org.voipguard.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.voipguard.callpatterns.CallHistory;
import org.voipguard.callpatterns.CallPatternEvaluator;
import org.voipguard.callpatterns.PatternCall;
import org.voipguard.thresholds.Thresholds;

/**
 * The call-pattern checks alone, as the CDR import runs them chunk by chunk: outgoing calls in
 * time order over a month, numbers picked as the benchmark picks them (one in a hundred busy,
 * together a fifth of the calls), the shipped thresholds, nothing stored (the history starts
 * empty and holds what it is given). Run from the repository root:
 * {@code java ... org.voipguard.bench.CallPatternsThroughput [calls a month] [numbers]}.
 */
public final class CallPatternsThroughput {

    private static final int CHUNK = 1000;

    private CallPatternsThroughput() {
    }

    public static void main(String[] args) {
        long calls = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int numbers = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        CallPatternEvaluator evaluator = new CallPatternEvaluator(Thresholds.fromRulesDir(Path.of("rules")));
        CallHistory history = new CallHistory(CallHistory.Source.NOTHING, ZoneId.of("Europe/London"), 3);
        SplittableRandom random = new SplittableRandom(1);
        long facts = 0;
        long started = System.nanoTime();
        List<PatternCall> chunk = new ArrayList<>(CHUNK);
        for (long i = 0; i < calls; i++) {
            chunk.add(call(i, calls, numbers, random));
            if (chunk.size() == CHUNK || i == calls - 1) {
                history.prepareFor(chunk);
                history.add(chunk);
                facts += evaluator.windowsReached(chunk, history, Map.of()).size();
                chunk = new ArrayList<>(CHUNK);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%,d calls over %,d numbers: %.1f s, %,.0f calls/s, %,d facts%n", calls, numbers,
                seconds, calls / seconds, facts);
    }

    private static PatternCall call(long i, long calls, int numbers, SplittableRandom random) {
        int number = BenchData.pickNumber(numbers, random);
        int duration = (int) Math.min(6 * 3600, -Math.log(1 - random.nextDouble()) * 180);
        return new PatternCall("c-" + i + "-" + Long.toHexString(i * 2654435761L & 0xffffff),
                BenchData.number(number),
                Instant.ofEpochSecond(BenchData.MONTH_START + i * BenchData.MONTH_SECONDS / calls),
                duration, Long.toString(447_700_000_000L + random.nextInt(100_000_000)));
    }
}
