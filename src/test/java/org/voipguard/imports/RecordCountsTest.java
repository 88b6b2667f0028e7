package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The counts of an import's load step, as the job repository keeps them: the sum of its parts,
 * or what the step counted itself where it last ran whole (an import interrupted before imports
 * ran in parts, whose load step had ended).
 */
@SpringBootTest
class RecordCountsTest {

    private static final String LOAD = "loadSomething";

    @Autowired
    private JobRepository jobRepository;

    @Test
    void aLoadStepRunInPartsCountsTheSumOfItsPartsAndNotWhatItsOwnContextHolds() {
        JobExecution execution = newJobExecution();
        // a whole run's counts, restored into the step that restarted it in parts, whose parts count every line again
        ExecutionContext restoredFromAWholeRun = counted(new RecordCounts(7, 7, 0, Map.of()));
        restoredFromAWholeRun.putInt(SimpleStepExecutionSplitter.class.getSimpleName() + ".GRID_SIZE", 2);
        stepRan(execution, LOAD, restoredFromAWholeRun);
        stepRan(execution, NumberPartition.stepName(NumberPartition.partStepOf(LOAD), 0),
                counted(new RecordCounts(3, 1, 0, Map.of("ChallengeSent", 2L))));
        stepRan(execution, NumberPartition.stepName(NumberPartition.partStepOf(LOAD), 1),
                counted(new RecordCounts(4, 0, 0, Map.of("ChallengeSent", 1L))));

        RecordCounts counts = RecordCounts.ofStep(execution, jobRepository, LOAD);

        assertThat(counts).isEqualTo(new RecordCounts(7, 1, 0, Map.of("ChallengeSent", 3L)));
    }

    @Test
    void aLoadStepThatLastRanWholeCountsWhatItCountedItself() {
        JobExecution execution = newJobExecution();
        stepRan(execution, LOAD, counted(new RecordCounts(5, 2, 0, Map.of())));

        RecordCounts counts = RecordCounts.ofStep(execution, jobRepository, LOAD);

        assertThat(counts).isEqualTo(new RecordCounts(5, 2, 0, Map.of()));
    }

    private JobExecution newJobExecution() {
        JobParameters parameters = new JobParametersBuilder().addString("run", UUID.randomUUID().toString())
                .toJobParameters();
        JobInstance instance = jobRepository.createJobInstance("recordCountsTest", parameters);
        return jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
    }

    private void stepRan(JobExecution execution, String step, ExecutionContext context) {
        StepExecution stepExecution = jobRepository.createStepExecution(step, execution);
        stepExecution.setExecutionContext(context);
        jobRepository.updateExecutionContext(stepExecution);
    }

    private static ExecutionContext counted(RecordCounts counts) {
        ExecutionContext context = new ExecutionContext();
        counts.saveTo(context);
        return context;
    }
}
