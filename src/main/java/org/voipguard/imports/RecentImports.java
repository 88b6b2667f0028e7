package org.voipguard.imports;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The files imported last, each with what its import counted, for the control page. */
@Repository
public class RecentImports {

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final RejectedLines rejectedLines;

    public RecentImports(JdbcTemplate jdbc, JobRepository jobRepository, RejectedLines rejectedLines) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.rejectedLines = rejectedLines;
    }

    /**
     * A file imported completely.
     *
     * @param kind     {@code CDR} or {@code REGISTRATION}
     * @param fileName the file's name, as the operator gave it (untrusted text: show it escaped)
     */
    public record RecentImport(String kind, String fileName, Instant importedAt, long importId, RecordCounts counts,
            long rejected) {
    }

    /** The last {@code limit} files imported, newest first. */
    public List<RecentImport> latest(int limit) {
        return jdbc.query("SELECT kind, path, import_id, imported_at FROM imported_file ORDER BY imported_at DESC, id DESC"
                + " FETCH FIRST " + Math.max(limit, 0) + " ROWS ONLY", (rs, row) -> {
                    long importId = rs.getLong(3);
                    return new RecentImport(rs.getString(1), fileName(rs.getString(2)),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), importId, countsOf(importId),
                            rejectedLines.count(importId));
                });
    }

    /** The counts saved by the last run of each step of the import; one step of each import saves them. */
    private RecordCounts countsOf(long importId) {
        JobInstance instance = jobRepository.getJobInstance(importId);
        if (instance == null) {
            return RecordCounts.NONE;
        }
        Map<String, StepExecution> lastOfEachStep = jobRepository.getJobExecutions(instance).stream()
                .sorted(Comparator.comparing(JobExecution::getId))
                .flatMap(execution -> execution.getStepExecutions().stream())
                .collect(Collectors.toMap(StepExecution::getStepName, Function.identity(), (earlier, later) -> later));
        return lastOfEachStep.values().stream().map(step -> RecordCounts.from(step.getExecutionContext()))
                .reduce(RecordCounts.NONE, (a, b) -> a.plus(b.imported(), b.duplicates(), b.lateCharges())
                        .skipping(b.skipped()));
    }

    private static String fileName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }
}
