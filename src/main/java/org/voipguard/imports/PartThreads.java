package org.voipguard.imports;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.JobContext;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;

/**
 * The threads the parts of a partitioned import step run on ({@link NumberPartition}). Each part
 * sees the job's scope as the step that started it does, so the job-scoped beans the parts
 * share (the sums of their charges) are the job's own.
 */
public final class PartThreads {

    private PartThreads() {
    }

    /** @param name the threads' name, numbered: {@code name-1}, {@code name-2}, … */
    public static TaskExecutor named(String name) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(name + "-");
        executor.setTaskDecorator(part -> {
            JobContext job = JobSynchronizationManager.getContext();
            if (job == null) {
                return part;
            }
            JobExecution execution = job.getJobExecution();
            return () -> {
                JobSynchronizationManager.register(execution);
                try {
                    part.run();
                } finally {
                    JobSynchronizationManager.close();
                }
            };
        });
        return executor;
    }
}
