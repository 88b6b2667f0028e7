package org.voipguard.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.voipguard.command.Failures;
import org.voipguard.db.DatabaseFailures;
import org.voipguard.rules.RuleRuntimeException;

/**
 * Starts a job for one input, restarting it where it stopped when an earlier run died half
 * way. Only one VoIPGuard run works on a database at a time (see {@code RunLock}), so an
 * execution still marked as running belongs to a process that is gone and is recovered.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    public JobRunner(JobOperator jobOperator, JobRepository jobRepository) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    /** The outcome of one job run; {@code failure} is null when it completed. */
    public record Outcome(JobExecution execution, boolean alreadyComplete, String failure) {

        public long importId() {
            return execution.getJobInstanceId();
        }
    }

    public Outcome run(Job job, JobParameters parameters) {
        recoverAbandonedExecution(job, parameters);
        try {
            JobExecution execution = jobOperator.start(job, parameters);
            return new Outcome(execution, false, failureOf(execution));
        } catch (JobInstanceAlreadyCompleteException e) {
            return new Outcome(jobRepository.getLastJobExecution(job.getName(), parameters), true, null);
        } catch (JobExecutionAlreadyRunningException | JobRestartException | InvalidJobParametersException e) {
            throw new IllegalStateException("cannot start " + job.getName() + ": " + e.getMessage(), e);
        }
    }

    private void recoverAbandonedExecution(Job job, JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
        if (last != null && last.isRunning()) {
            log.warn("{} execution {} was left running by a process that died; restarting it where it stopped",
                    job.getName(), last.getId());
            jobOperator.recover(last);
        }
    }

    private static String failureOf(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return null;
        }
        String causes = failuresTellingTheReason(execution).stream()
                .map(JobRunner::operatorMessage).distinct().collect(Collectors.joining("; "));
        return causes.isEmpty() ? "job ended " + execution.getStatus() : causes;
    }

    /**
     * The job's failures, without the one a partitioned step adds beside its parts' failures
     * ("Partition handler returned an unsuccessful step"): the parts' failures tell the reason.
     */
    private static List<Throwable> failuresTellingTheReason(JobExecution execution) {
        List<Throwable> failures = new ArrayList<>(execution.getFailureExceptions());
        execution.getStepExecutions().stream()
                .filter(step -> !NumberPartition.ranInParts(step.getExecutionContext()))
                .forEach(step -> failures.addAll(step.getFailureExceptions()));
        return failures.isEmpty() ? execution.getAllFailureExceptions() : failures;
    }

    /** No SQL in what an operator reads: a database failure is told plainly and logged in full. */
    private static String operatorMessage(Throwable t) {
        return DatabaseFailures.plainMessage(t).orElseGet(() -> rootMessage(t));
    }

    private static String rootMessage(Throwable t) {
        return Failures.rootMessage(t, TooManyRejectedLinesException.class, RuleRuntimeException.class);
    }
}
