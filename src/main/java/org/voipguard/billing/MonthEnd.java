package org.voipguard.billing;

import java.time.YearMonth;
import java.util.Optional;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.voipguard.command.UsageException;
import org.voipguard.imports.JobRunner;

/**
 * Closes a past month (policy P5) with the month-end job. A month already closed is reported
 * and left alone; a run that died half way is restarted where it stopped.
 */
@Service
public class MonthEnd {

    private final JobRunner jobRunner;
    private final Job monthEndJob;
    private final MonthlyBills bills;
    private final BillingMonths months;

    public MonthEnd(JobRunner jobRunner, @Qualifier("monthEndJob") Job monthEndJob, MonthlyBills bills,
            BillingMonths months) {
        this.jobRunner = jobRunner;
        this.monthEndJob = monthEndJob;
        this.bills = bills;
        this.months = months;
    }

    /** The month closed when none is named: the one before the current month. */
    public YearMonth previousMonth() {
        return months.current().minusMonths(1);
    }

    /**
     * @throws UsageException when the month is the current one or later: only a month that is over can be closed
     */
    public MonthEndResult close(YearMonth month) {
        YearMonth current = months.current();
        if (!month.isBefore(current)) {
            throw new UsageException("cannot close " + month + ": only a month that is over can be closed (it is "
                    + current + " in " + months.zone() + ")");
        }
        if (bills.closedAt(month).isPresent()) {
            return alreadyClosed(month);
        }
        JobRunner.Outcome outcome = jobRunner.run(monthEndJob, new JobParametersBuilder()
                .addString(MonthEndJobConfiguration.MONTH, month.toString()).toJobParameters());
        if (outcome.failure() != null) {
            return MonthEndResult.failed(month, outcome.failure());
        }
        Optional<java.time.OffsetDateTime> closedAt = bills.closedAt(month);
        if (closedAt.isEmpty()) {
            return MonthEndResult.failed(month, "the month-end job for " + month + " completed before, yet the month"
                    + " is not marked closed (was its month_close row deleted?)");
        }
        boolean closedByThisRun = !outcome.alreadyComplete() && !MonthEndJobConfiguration.ALREADY_CLOSED
                .equals(outcome.execution().getExitStatus().getExitCode());
        return closedByThisRun ? MonthEndResult.closed(month, bills.totals(month), closedAt.get()) : alreadyClosed(month);
    }

    private MonthEndResult alreadyClosed(YearMonth month) {
        return MonthEndResult.alreadyClosed(month, bills.closedAt(month).orElseThrow());
    }
}
