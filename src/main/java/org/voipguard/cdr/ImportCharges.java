package org.voipguard.cdr;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.voipguard.billing.SpendLedger.NumberMonth;

/**
 * The charges of the calls one run of the import step stored (its charge batch), summed per
 * number-month in memory as its chunks are written, so that the spend is added once per file
 * without reading the calls back. Only that batch's sums are known here, and only while its
 * number-months stay within {@code capacity}; any other batch is read back from the calls
 * (see {@link AddSpendTasklet}).
 */
class ImportCharges implements StepExecutionListener {

    private final int capacity;
    private final Map<NumberMonth, BigDecimal> sums = new HashMap<>();
    private Long chargeBatch;
    private boolean complete;

    ImportCharges(int capacity) {
        this.capacity = capacity;
    }

    /** A run of the import step is a charge batch of its own: its chunks all pass through here. */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        chargeBatch = stepExecution.getId();
        complete = true;
        sums.clear();
    }

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

    /** Whether {@link #sums()} hold every charge of this batch. */
    boolean completeFor(long batch) {
        return complete && chargeBatch != null && chargeBatch == batch;
    }

    Map<NumberMonth, BigDecimal> sums() {
        return sums;
    }
}
