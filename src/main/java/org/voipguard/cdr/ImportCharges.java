package org.voipguard.cdr;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.voipguard.billing.SpendLedger.NumberMonth;

/**
 * The charges of the calls each run of the import step's parts stored (a charge batch each),
 * summed per number-month in memory as their chunks are written, so that the spend is added
 * once per file without reading the calls back. Only the batches run in this process are known
 * here, and only while a batch's number-months stay within {@code capacity}; any other batch is
 * read back from the calls (see {@link AddSpendTasklet}). The parts of an import run side by
 * side, each writing its own batch.
 */
class ImportCharges implements StepExecutionListener {

    private final int capacity;
    private final Map<Long, BatchSums> batches = new ConcurrentHashMap<>();

    /** @param capacity the number-months one batch may sum before it gives up and is read back */
    ImportCharges(int capacity) {
        this.capacity = capacity;
    }

    /** A run of one part of the import step is a charge batch of its own: its chunks all pass through here. */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        batches.put(stepExecution.getId(), new BatchSums());
    }

    void add(long batch, Map<NumberMonth, BigDecimal> charges) {
        BatchSums sums = batches.get(batch);
        if (sums != null) {
            sums.add(charges);
        }
    }

    /** Whether {@link #sums(long)} hold every charge of this batch. */
    boolean completeFor(long batch) {
        BatchSums sums = batches.get(batch);
        return sums != null && sums.complete;
    }

    Map<NumberMonth, BigDecimal> sums(long batch) {
        BatchSums sums = batches.get(batch);
        return sums == null ? Map.of() : sums.sums;
    }

    /** Written by one part's thread only. */
    private final class BatchSums {

        private final Map<NumberMonth, BigDecimal> sums = new HashMap<>();
        private boolean complete = true;

        void add(Map<NumberMonth, BigDecimal> charges) {
            if (!complete) {
                return;
            }
            charges.forEach((numberMonth, cost) -> sums.merge(numberMonth, cost, BigDecimal::add));
            if (sums.size() > capacity) {
                complete = false;
                sums.clear();
            }
        }
    }
}
