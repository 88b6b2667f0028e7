package org.voipguard.cdr;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.voipguard.billing.SpendLedger;

/**
 * Adds the charges of the calls this import stored to the monthly spend, once: from the sums
 * kept as the chunks were written, or read back from the calls when the import was restarted
 * or met too many number-months to keep them in memory. The step's
 * execution context is saved in the same transaction as the spend, so a run killed after that
 * commit but before the step was marked complete does not add the spend a second time.
 */
class AddSpendTasklet implements Tasklet {

    private static final String SPEND_ADDED = "spendAdded";

    private final SpendLedger ledger;
    private final ImportCharges charges;
    private final long importId;

    AddSpendTasklet(SpendLedger ledger, ImportCharges charges, long importId) {
        this.ledger = ledger;
        this.charges = charges;
        this.importId = importId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        if (!context.containsKey(SPEND_ADDED)) {
            addSpend();
            context.putString(SPEND_ADDED, "true");
        }
        return RepeatStatus.FINISHED;
    }

    private void addSpend() {
        if (charges.complete()) {
            ledger.add(charges.sums(), importId);
        } else {
            ledger.addCallsOfImport(importId);
        }
    }
}
