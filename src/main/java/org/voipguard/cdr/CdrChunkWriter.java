package org.voipguard.cdr;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.voipguard.billing.SpendLedger;
import org.voipguard.imports.RejectedLines;
import org.voipguard.rules.AlertSink;

/**
 * Writes one chunk of CDR outcomes in one transaction, as {@link CdrEvaluator} decides them:
 * rejected lines, new calls and their price-limit alerts (P1). The calls are stored in this
 * step run's charge batch; their charges are summed in {@link ImportCharges} and added to the
 * monthly spend once per import, by {@link AddSpendTasklet}.
 */
class CdrChunkWriter implements ItemWriter<CdrOutcome>, ItemStream {

    static final String STEP = "importCdrs";
    private static final String IMPORTED_CALLS = "cdr.importedCalls";
    private static final String DUPLICATES = "cdr.duplicates";
    private static final String LATE_CHARGES = "cdr.lateCharges";

    private final CdrEvaluator evaluator;
    private final CallStore calls;
    private final RejectedLines rejects;
    private final SpendLedger ledger;
    private final ImportCharges charges;
    private final AlertSink alerts;
    private final long importId;
    private final long chargeBatch;
    private final String source;
    private Counts counts = new Counts(0, 0, 0);

    CdrChunkWriter(CdrEvaluator evaluator, CallStore calls, RejectedLines rejects, SpendLedger ledger,
            ImportCharges charges, AlertSink alerts, long importId, long chargeBatch, String source) {
        this.evaluator = evaluator;
        this.calls = calls;
        this.rejects = rejects;
        this.ledger = ledger;
        this.charges = charges;
        this.alerts = alerts;
        this.importId = importId;
        this.chargeBatch = chargeBatch;
        this.source = source;
    }

    @Override
    public void write(Chunk<? extends CdrOutcome> chunk) {
        CdrEvaluator.ChunkResult result = evaluator.evaluate(chunk.getItems(), ledger.closedMonths(),
                candidates -> calls.insertNew(candidates, importId, chargeBatch));
        rejects.store(importId, source, result.rejected());
        alerts.accept(result.alerts(), importId);
        charges.add(result.charges());
        counts = counts.plus(result);
    }

    /** Counted as the chunks go and saved with each chunk, so that a restarted import goes on counting. */
    @Override
    public void open(ExecutionContext context) {
        counts = new Counts(context.getLong(IMPORTED_CALLS, 0), context.getLong(DUPLICATES, 0),
                context.getLong(LATE_CHARGES, 0));
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(IMPORTED_CALLS, counts.importedCalls());
        context.putLong(DUPLICATES, counts.duplicates());
        context.putLong(LATE_CHARGES, counts.lateCharges());
    }

    /** What an import counted; its last import step may have run in an earlier, interrupted run. */
    record Counts(long importedCalls, long duplicates, long lateCharges) {

        Counts plus(CdrEvaluator.ChunkResult chunk) {
            return new Counts(importedCalls + chunk.imported().size(), duplicates + chunk.duplicates(),
                    lateCharges + chunk.lateCharges());
        }

        static Counts of(JobExecution execution, JobRepository jobRepository) {
            StepExecution step = jobRepository.getLastStepExecution(execution.getJobInstance(), STEP);
            ExecutionContext saved = step == null ? new ExecutionContext() : step.getExecutionContext();
            return new Counts(saved.getLong(IMPORTED_CALLS, 0), saved.getLong(DUPLICATES, 0),
                    saved.getLong(LATE_CHARGES, 0));
        }
    }
}
