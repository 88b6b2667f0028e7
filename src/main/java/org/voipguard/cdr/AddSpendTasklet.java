package org.voipguard.cdr;

import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.voipguard.billing.SpendLedger;

/**
 * Adds the charges of every stored but uncharged call to the monthly spend, in one
 * transaction that also takes their batches off the uncharged list: those of this import
 * from the sums kept as its chunks were written, and any other batch (this import's before a
 * restart, or an import that failed and was never run again) read back from the calls. A
 * run killed at any point thus adds every call's charge exactly once.
 */
class AddSpendTasklet implements Tasklet {

    /** Number-months read back and added at a time. */
    private static final int READ_BACK_PART = 10_000;

    private final CallStore calls;
    private final SpendLedger ledger;
    private final ImportCharges charges;
    private final long importId;

    AddSpendTasklet(CallStore calls, SpendLedger ledger, ImportCharges charges, long importId) {
        this.calls = calls;
        this.ledger = ledger;
        this.charges = charges;
        this.importId = importId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Long> uncharged = calls.unchargedBatches();
        for (long batch : uncharged) {
            if (charges.completeFor(batch)) {
                ledger.add(charges.sums(batch), importId);
            } else {
                calls.chargesOf(batch, READ_BACK_PART, part -> ledger.add(part, importId));
            }
        }
        calls.charged(uncharged);
        return RepeatStatus.FINISHED;
    }
}
