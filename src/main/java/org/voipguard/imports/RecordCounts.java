package org.voipguard.imports;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What an import's load step did with the records it read, counted chunk by chunk and saved
 * with every chunk, so that an import restarted after a crash goes on counting where it
 * stopped. Rejected records are counted where they are stored ({@link RejectedLines}).
 *
 * @param imported    records stored by this import
 * @param duplicates  records stored before (same call id or event), by this or an earlier import
 * @param lateCharges calls billed in a month that month-end had already closed
 * @param skipped     good records that are not what the import stores, by kind (e.g. other Asterisk events)
 */
public record RecordCounts(long imported, long duplicates, long lateCharges, Map<String, Long> skipped) {

    private static final String PREFIX = "counts.";
    private static final String SKIPPED_PREFIX = PREFIX + "skipped.";

    public static final RecordCounts NONE = new RecordCounts(0, 0, 0, Map.of());

    public RecordCounts {
        skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
    }

    public RecordCounts plus(long importedRecords, long duplicateRecords, long lateChargeRecords) {
        return new RecordCounts(imported + importedRecords, duplicates + duplicateRecords,
                lateCharges + lateChargeRecords, skipped);
    }

    public RecordCounts skipping(Map<String, Long> kinds) {
        Map<String, Long> sum = new TreeMap<>(skipped);
        kinds.forEach((kind, count) -> sum.merge(kind, count, Long::sum));
        return new RecordCounts(imported, duplicates, lateCharges, sum);
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records read that were not rejected. */
    public long accepted() {
        return imported + duplicates + skippedTotal();
    }

    /** E.g. {@code 2 ChallengeSent, 1 InvalidAccountID}. */
    public String describeSkipped() {
        return skipped.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    public void saveTo(ExecutionContext context) {
        context.putLong(PREFIX + "imported", imported);
        context.putLong(PREFIX + "duplicates", duplicates);
        context.putLong(PREFIX + "lateCharges", lateCharges);
        skipped.forEach((kind, count) -> context.putLong(SKIPPED_PREFIX + kind, count));
    }

    public static RecordCounts from(ExecutionContext context) {
        Map<String, Long> skipped = new TreeMap<>();
        context.entrySet().stream().filter(e -> e.getKey().startsWith(SKIPPED_PREFIX))
                .forEach(e -> skipped.put(e.getKey().substring(SKIPPED_PREFIX.length()), (Long) e.getValue()));
        return new RecordCounts(context.getLong(PREFIX + "imported", 0), context.getLong(PREFIX + "duplicates", 0),
                context.getLong(PREFIX + "lateCharges", 0), skipped);
    }

    /**
     * What the last run of an import's load step counted; that run may belong to an earlier,
     * interrupted job execution. A load step run in parts ({@link NumberPartition}) counts the
     * sum of the last run of each part. A load step that last ran whole (an import interrupted
     * before VoIPGuard ran imports in parts, and restarted since) counts what it counted itself.
     */
    public static RecordCounts ofStep(JobExecution execution, JobRepository jobRepository, String step) {
        StepExecution whole = jobRepository.getLastStepExecution(execution.getJobInstance(), step);
        RecordCounts counts = whole == null || NumberPartition.ranInParts(whole.getExecutionContext()) ? NONE
                : from(whole.getExecutionContext());
        for (int part = 0; ; part++) {
            StepExecution last = jobRepository.getLastStepExecution(execution.getJobInstance(),
                    NumberPartition.stepName(NumberPartition.partStepOf(step), part));
            if (last == null) {
                return counts;
            }
            counts = counts.plus(from(last.getExecutionContext()));
        }
    }

    private RecordCounts plus(RecordCounts other) {
        return plus(other.imported, other.duplicates, other.lateCharges).skipping(other.skipped);
    }
}
