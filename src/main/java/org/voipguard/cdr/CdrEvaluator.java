package org.voipguard.cdr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.voipguard.billing.BillingMonths;
import org.voipguard.billing.SpendLedger.NumberMonth;
import org.voipguard.callpatterns.CallHistory;
import org.voipguard.callpatterns.CallPatternEvaluator;
import org.voipguard.callpatterns.PatternCall;
import org.voipguard.imports.RejectedLines;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.rules.RuleBook;

/**
 * What a chunk of CDR lines amounts to: the rejected lines, the calls not seen before (a call
 * id already kept is a duplicate, its cost already counted), their charges per number-month,
 * and the alerts the rules raise for those new calls in one short-lived session: price limits
 * (P1) and the call-pattern thresholds ({@link CallPatternEvaluator}, counted over the
 * {@link CallHistory} of the calls' days). The import job and the in-memory evaluation (dry
 * run, scenarios) share this logic; only where the calls are kept differs.
 */
final class CdrEvaluator {

    /** Where the calls are kept: the calls table, or memory. */
    @FunctionalInterface
    interface CallKeeper {

        /** Keeps the calls whose id is not kept yet and returns exactly those, in order. */
        List<StoredCall> keepNew(List<StoredCall> calls);
    }

    private final RuleBook rules;
    private final BillingMonths months;
    private final PriceLimits priceLimits;
    private final CallPatternEvaluator callPatterns;
    private final CallHistory history;

    /**
     * Days of calls the call-pattern checks hold: a day and the one before for a file in time
     * order, and one more for a file that strays across a day.
     */
    private static final int DAYS_OF_CALLS_KEPT = 3;

    /** @param keptCalls where the calls of earlier chunks, files and imports are read back from */
    CdrEvaluator(RuleBook rules, BillingMonths months, PriceLimits priceLimits, CallHistory.Source keptCalls) {
        this.rules = rules;
        this.months = months;
        this.priceLimits = priceLimits;
        this.callPatterns = new CallPatternEvaluator(rules.thresholds());
        this.history = new CallHistory(keptCalls, months.zone(), DAYS_OF_CALLS_KEPT);
    }

    /** What one chunk amounted to. */
    record ChunkResult(List<RejectedLines.Rejection> rejected, List<StoredCall> imported, long duplicates,
            Map<String, Long> skipped, List<RaisedAlert> alerts) {

        /** The charges of the new calls, per number and month billed. */
        Map<NumberMonth, BigDecimal> charges() {
            Map<NumberMonth, BigDecimal> charges = new HashMap<>();
            for (StoredCall call : imported) {
                BigDecimal cost = call.call().costGbp();
                if (cost.signum() > 0) {
                    charges.merge(new NumberMonth(call.number(), call.billingMonth()), cost, BigDecimal::add);
                }
            }
            return charges;
        }

        long lateCharges() {
            return imported.stream().filter(StoredCall::lateCharge).count();
        }

        long skippedTotal() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }

        long records() {
            return rejected.size() + imported.size() + duplicates + skippedTotal();
        }
    }

    /**
     * @param closedMonths the months month-end closed: a call billed in one is a late charge
     */
    ChunkResult evaluate(List<? extends CdrOutcome> outcomes, Set<String> closedMonths, CallKeeper calls) {
        List<RejectedLines.Rejection> rejected = new ArrayList<>();
        List<StoredCall> candidates = new ArrayList<>();
        Map<String, Long> skipped = new HashMap<>();
        for (CdrOutcome outcome : outcomes) {
            if (outcome instanceof CdrOutcome.Rejected r) {
                rejected.add(new RejectedLines.Rejection(r.lineNumber(), r.field(), r.reason(), r.rawLine()));
            } else if (outcome instanceof CdrOutcome.Call call) {
                String month = months.of(call.record().startTime()).toString();
                candidates.add(new StoredCall(call, month, closedMonths.contains(month)));
            } else if (outcome instanceof CdrOutcome.Skipped s) {
                skipped.merge(s.what(), 1L, Long::sum);
            }
        }
        if (callPatterns.isOn()) {
            history.prepareFor(patternCalls(candidates));
        }
        List<StoredCall> imported = calls.keepNew(candidates);
        return new ChunkResult(rejected, imported, candidates.size() - imported.size(), skipped, alerts(imported));
    }

    /** P1 for each new outgoing call and the call-pattern windows they reached, in one session. */
    private List<RaisedAlert> alerts(List<StoredCall> imported) {
        List<CdrOutcome.Call> outgoing = imported.stream().map(StoredCall::call)
                .filter(call -> call.priced() != null).toList();
        if (outgoing.isEmpty()) {
            return List.of();
        }
        Map<String, PriceLimits.Limits> limits = priceLimits.of(outgoing.stream().map(c -> c.record().number()).toList());
        List<Object> facts = new ArrayList<>(outgoing.size());
        for (CdrOutcome.Call call : outgoing) {
            facts.add(OutgoingCallFacts.of(call, limits.get(call.record().number())));
        }
        if (callPatterns.isOn()) {
            List<PatternCall> newCalls = patternCalls(imported);
            history.add(newCalls);
            Map<String, String> profiles = new HashMap<>();
            limits.forEach((number, limit) -> profiles.put(number, limit.thresholdProfile()));
            facts.addAll(callPatterns.windowsReached(newCalls, history, profiles));
        }
        return rules.evaluate(facts);
    }

    /** The outgoing calls among these, as the call-pattern checks count them. */
    private static List<PatternCall> patternCalls(List<StoredCall> calls) {
        List<PatternCall> outgoing = new ArrayList<>();
        for (StoredCall stored : calls) {
            if (stored.call().priced() != null) {
                CdrRecord r = stored.call().record();
                outgoing.add(new PatternCall(r.callId(), r.number(), r.startTime().toInstant(), r.durationS(),
                        digits(stored.call().priced().dialledE164())));
            }
        }
        return outgoing;
    }

    /** E.164 without its {@code +}: how threshold prefixes are written. */
    static String digits(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }
}
