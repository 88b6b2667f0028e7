package org.voipguard.cdr;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.voipguard.billing.SpendLedger.NumberMonth;

/**
 * The charges of the calls one import stored, summed per number-month in memory as its chunks
 * are written, so that the spend is added once per file without reading the calls back. The
 * sums are only complete when every chunk of the file went through this object: an import
 * restarted after a crash, or one whose number-months exceed {@code capacity}, reads its calls
 * back from the database instead (see {@link AddSpendTasklet}).
 */
class ImportCharges implements StepExecutionListener {

    private final int capacity;
    private final Map<NumberMonth, BigDecimal> sums = new HashMap<>();
    private boolean complete;

    ImportCharges(int capacity) {
        this.capacity = capacity;
    }

    /** A step with saved state is a restart: the chunks before it were written by another run. */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        complete = stepExecution.getExecutionContext().isEmpty();
        sums.clear();
    }

    void add(List<CallStore.StoredCall> stored) {
        if (!complete) {
            return;
        }
        for (CallStore.StoredCall call : stored) {
            BigDecimal cost = CallStore.cost(call);
            if (cost.signum() > 0) {
                sums.merge(new NumberMonth(call.call().record().number(), call.billingMonth()), cost, BigDecimal::add);
            }
        }
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
