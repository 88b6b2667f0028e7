package org.voipguard.billing;

import java.time.YearMonth;
import java.util.Optional;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.voipguard.command.UsageException;
import org.voipguard.imports.JobRunner;
import org.voipguard.imports.PlausibleTimes;

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
    private final PlausibleTimes plausibleTimes;

    public MonthEnd(JobRunner jobRunner, @Qualifier("monthEndJob") Job monthEndJob, MonthlyBills bills,
            BillingMonths months, PlausibleTimes plausibleTimes) {
        this.jobRunner = jobRunner;
        this.monthEndJob = monthEndJob;
        this.bills = bills;
        this.months = months;
        this.plausibleTimes = plausibleTimes;
    }

    /** The month closed when none is named: the one before the current month. */
    public YearMonth previousMonth() {
        return months.current().minusMonths(1);
    }

    /**
     * @throws UsageException when the month is the current one or later: only a month that is over can be
     *         closed; or when it is before the plausible times or before anything stored: it cannot have a bill
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
        refuseBeforeAnyActivity(month);
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

    /**
     * A month before every stored call and registration has nothing to bill; closing it would
     * only record zero bills and, catching up, could never be undone. It is a typing error.
     */
    private void refuseBeforeAnyActivity(YearMonth month) {
        String implausible = plausibleTimes.problem(month);
        if (implausible != null) {
            throw new UsageException("cannot close " + month + ": " + implausible);
        }
        Optional<YearMonth> first = bills.earliestActivity().map(months::of);
        if (first.isPresent() && month.isBefore(first.get())) {
            throw new UsageException("cannot close " + month + ": nothing is stored before " + first.get()
                    + " (the month of the earliest call or registration), so it has nothing to bill");
        }
    }

    private MonthEndResult alreadyClosed(YearMonth month) {
        return MonthEndResult.alreadyClosed(month, bills.closedAt(month).orElseThrow());
    }
}
