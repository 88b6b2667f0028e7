package org.voipguard.cdr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.voipguard.billing.BillingMonths;
import org.voipguard.billing.SpendLedger;
import org.voipguard.imports.RejectedLines;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.rules.AlertSink;
import org.voipguard.rules.RuleBook;
import org.voipguard.rules.facts.OutgoingCall;

/**
 * Writes one chunk of CDR outcomes in one transaction: rejected lines, new calls (a call id
 * seen before is skipped) and the price-limit alerts (P1) the rules raise for them in one
 * short-lived session. Their charges are summed in {@link ImportCharges} and added to the
 * monthly spend once per import, by {@link AddSpendTasklet}.
 */
public class CdrChunkWriter implements ItemWriter<CdrOutcome> {

    /** About 100 bytes each: a bound of some 25 MB of heap. */
    private static final int PRICE_LIMITS_REMEMBERED = 250_000;

    private final CallStore calls;
    private final RejectedLines rejects;
    private final SpendLedger ledger;
    private final ImportCharges charges;
    private final BillingMonths months;
    private final PriceLimits priceLimits;
    private final RuleBook rules;
    private final AlertSink alerts;
    private final long importId;
    private final String source;

    CdrChunkWriter(CallStore calls, RejectedLines rejects, SpendLedger ledger, ImportCharges charges,
            BillingMonths months, NumberDirectory numbers, RuleBook rules, AlertSink alerts, long importId,
            String source) {
        this.calls = calls;
        this.rejects = rejects;
        this.ledger = ledger;
        this.charges = charges;
        this.months = months;
        this.priceLimits = new PriceLimits(numbers, PRICE_LIMITS_REMEMBERED);
        this.rules = rules;
        this.alerts = alerts;
        this.importId = importId;
        this.source = source;
    }

    @Override
    public void write(Chunk<? extends CdrOutcome> chunk) {
        List<RejectedLines.Rejection> rejected = new ArrayList<>();
        List<CallStore.StoredCall> candidates = new ArrayList<>();
        Set<String> closedMonths = ledger.closedMonths();
        for (CdrOutcome outcome : chunk) {
            if (outcome instanceof CdrOutcome.Rejected r) {
                rejected.add(new RejectedLines.Rejection(r.lineNumber(), r.field(), r.reason(), r.rawLine()));
            } else if (outcome instanceof CdrOutcome.Call call) {
                String month = months.of(call.record().startTime()).toString();
                candidates.add(new CallStore.StoredCall(call, month, closedMonths.contains(month)));
            }
        }
        rejects.store(importId, source, rejected);
        List<CallStore.StoredCall> fresh = calls.insertNew(candidates, importId);
        charges.add(fresh);
        evaluatePriceLimits(fresh);
    }

    private void evaluatePriceLimits(List<CallStore.StoredCall> fresh) {
        List<CdrOutcome.Call> outgoing = fresh.stream().map(CallStore.StoredCall::call)
                .filter(call -> call.priced() != null).toList();
        if (outgoing.isEmpty()) {
            return;
        }
        Map<String, PriceLimits.Limits> limits = priceLimits.of(outgoing.stream().map(c -> c.record().number()).toList());
        List<OutgoingCall> facts = outgoing.stream()
                .map(call -> OutgoingCallFacts.of(call, limits.get(call.record().number()))).toList();
        alerts.accept(rules.evaluate(facts).alerts(), importId);
    }

}
