package org.voipguard.cdr;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.voipguard.billing.SpendLedger.NumberMonth;

/**
 * The charges of the calls one import stored, summed per number-month in memory as its chunks
 * are written, so that the spend is added once per file without reading the calls back. The
 * sums are only complete when every chunk of the file went through this object: an import
 * restarted after a crash, or one whose number-months exceed {@code capacity}, reads its calls
 * back from the database instead (see {@link AddSpendTasklet}).
 */
class ImportCharges implements StepExecutionListener {

    private static final String SUMMED_FROM_THE_FIRST_CHUNK = "importCharges.started";

    private final int capacity;
    private final Map<NumberMonth, BigDecimal> sums = new HashMap<>();
    private boolean complete;

    ImportCharges(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The step's saved state carries a mark from its first start, committed with every chunk: a
     * step that finds the mark is a restart, whose earlier chunks another run wrote.
     */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        ExecutionContext context = stepExecution.getExecutionContext();
        complete = !context.containsKey(SUMMED_FROM_THE_FIRST_CHUNK);
        context.putString(SUMMED_FROM_THE_FIRST_CHUNK, "true");
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

    boolean complete() {
        return complete;
    }

    Map<NumberMonth, BigDecimal> sums() {
        return sums;
    }
}
