package org.voipguard.cdr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.voipguard.billing.BillingMonths;
import org.voipguard.billing.SpendLedger.NumberMonth;
import org.voipguard.imports.RejectedLines;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.rules.RuleBook;
import org.voipguard.rules.facts.OutgoingCall;

/**
 * What a chunk of CDR lines amounts to: the rejected lines, the calls not seen before (a call
 * id already kept is a duplicate, its cost already counted), their charges per number-month,
 * and the price-limit alerts (P1) the rules raise for those new calls in one short-lived
 * session. The import job and the in-memory evaluation (dry run, scenarios) share this logic;
 * only where the calls are kept differs.
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

    CdrEvaluator(RuleBook rules, BillingMonths months, PriceLimits priceLimits) {
        this.rules = rules;
        this.months = months;
        this.priceLimits = priceLimits;
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
        List<StoredCall> imported = calls.keepNew(candidates);
        return new ChunkResult(rejected, imported, candidates.size() - imported.size(), skipped,
                priceLimitAlerts(imported));
    }

    private List<RaisedAlert> priceLimitAlerts(List<StoredCall> imported) {
        List<CdrOutcome.Call> outgoing = imported.stream().map(StoredCall::call)
                .filter(call -> call.priced() != null).toList();
        if (outgoing.isEmpty()) {
            return List.of();
        }
        Map<String, PriceLimits.Limits> limits = priceLimits.of(outgoing.stream().map(c -> c.record().number()).toList());
        List<OutgoingCall> facts = outgoing.stream()
                .map(call -> OutgoingCallFacts.of(call, limits.get(call.record().number()))).toList();
        return rules.evaluate(facts);
    }
}
