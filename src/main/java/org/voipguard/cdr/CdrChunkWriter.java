package org.voipguard.cdr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
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
public class CdrChunkWriter implements ItemWriter<CdrOutcome>, ItemStream {

    private static final String IMPORTED_CALLS = "cdr.importedCalls";
    private static final String LATE_CHARGES = "cdr.lateCharges";
    static final String STEP = "importCdrs";

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
    private long importedCalls;
    private long lateCharges;

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
        count(fresh);
        charges.add(fresh);
        evaluatePriceLimits(fresh);
    }

    /** Counted as the chunks go and saved with each chunk, so the summary need not count the calls table. */
    private void count(List<CallStore.StoredCall> fresh) {
        importedCalls += fresh.size();
        lateCharges += fresh.stream().filter(CallStore.StoredCall::lateCharge).count();
    }

    @Override
    public void open(ExecutionContext context) {
        importedCalls = context.getLong(IMPORTED_CALLS, 0);
        lateCharges = context.getLong(LATE_CHARGES, 0);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(IMPORTED_CALLS, importedCalls);
        context.putLong(LATE_CHARGES, lateCharges);
    }

    /** What a finished import counted; its last import step may have run in an earlier, interrupted run. */
    record Counts(long importedCalls, long lateCharges) {

        static Counts of(JobExecution execution, JobRepository jobRepository) {
            StepExecution step = jobRepository.getLastStepExecution(execution.getJobInstance(), STEP);
            ExecutionContext saved = step == null ? new ExecutionContext() : step.getExecutionContext();
            return new Counts(saved.getLong(IMPORTED_CALLS, 0), saved.getLong(LATE_CHARGES, 0));
        }
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
