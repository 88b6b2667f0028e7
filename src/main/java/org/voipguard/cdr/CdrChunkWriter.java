package org.voipguard.cdr;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.voipguard.billing.SpendLedger;
import org.voipguard.imports.NumberPartition;
import org.voipguard.imports.RecordCounts;
import org.voipguard.imports.RejectedLines;
import org.voipguard.rules.AlertSink;

/**
 * Writes one chunk of CDR outcomes in one transaction, as {@link CdrEvaluator} decides them:
 * rejected lines, new calls and their price-limit alerts (P1). The calls are stored in this
 * step run's charge batch; their charges are summed in {@link ImportCharges} and added to the
 * monthly spend once per import, by {@link AddSpendTasklet}.
 */
class CdrChunkWriter implements ItemWriter<CdrOutcome>, ItemStream {

    /** The import step, which runs the file's parts. */
    static final String STEP = "importCdrs";
    /** The step each part of the file's records runs, through this writer. */
    static final String PART_STEP = NumberPartition.partStepOf(STEP);

    private final CdrEvaluator evaluator;
    private final CallStore calls;
    private final RejectedLines rejects;
    private final SpendLedger ledger;
    private final ImportCharges charges;
    private final AlertSink alerts;
    private final long importId;
    private final long chargeBatch;
    private final String source;
    private RecordCounts counts = RecordCounts.NONE;

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
        charges.add(chargeBatch, result.charges());
        counts = counts.plus(result.imported().size(), result.duplicates(), result.lateCharges())
                .skipping(result.skipped());
    }

    /** Counted as the chunks go and saved with each chunk, so that a restarted import goes on counting. */
    @Override
    public void open(ExecutionContext context) {
        counts = RecordCounts.from(context);
    }

    @Override
    public void update(ExecutionContext context) {
        counts.saveTo(context);
    }
}
