package org.voipguard.imports;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;

/**
 * Runs the import job of one file: skipped when a file with the same content was imported
 * before, restarted where it stopped when an earlier run died, and summed up from the
 * database afterwards.
 */
@Component
public class FileImports {

    private final JobRunner jobRunner;
    private final ImportedFiles importedFiles;
    private final RejectedLines rejects;
    private final ImportStatistics statistics;
    private final LineLengthCap lineLengthCap;

    public FileImports(JobRunner jobRunner, ImportedFiles importedFiles, RejectedLines rejects,
            ImportStatistics statistics, VoipGuardProperties properties) {
        this.jobRunner = jobRunner;
        this.importedFiles = importedFiles;
        this.rejects = rejects;
        this.statistics = statistics;
        this.lineLengthCap = LineLengthCap.of(properties);
    }

    /** How to count what a finished import stored: its records, and its late charges. */
    public record Counters(ToLongFunction<JobExecution> imported, ToLongFunction<JobExecution> lateCharges) {
    }

    public FileImportResult run(Job job, String kind, Path file, Map<String, String> extraParameters, Counters counters) {
        String sha256 = ImportedFiles.sha256(file);
        Optional<String> previous = importedFiles.previousImport(kind, sha256);
        if (previous.isPresent()) {
            return FileImportResult.alreadyImported(file, previous.get());
        }
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(ImportJobParameters.FILE, file.toAbsolutePath().normalize().toString())
                .addString(ImportJobParameters.SHA256, sha256);
        extraParameters.forEach(parameters::addString);
        JobRunner.Outcome outcome = jobRunner.run(job, parameters.toJobParameters());
        if (outcome.failure() != null) {
            return FileImportResult.failed(file, outcome.failure());
        }
        return summary(file, outcome, counters);
    }

    /** Sums up from the database, with the line count and rejects file the report step recorded. */
    private FileImportResult summary(Path file, JobRunner.Outcome outcome, Counters counters) {
        long importId = outcome.importId();
        ExecutionContext report = outcome.execution().getExecutionContext();
        long lines = report.containsKey(FileImportReportTasklet.LINES)
                ? report.getLong(FileImportReportTasklet.LINES) : DataLines.count(file, lineLengthCap);
        long imported = counters.imported().applyAsLong(outcome.execution());
        long rejected = rejects.count(importId);
        Path rejectsFile = report.containsKey(FileImportReportTasklet.REJECTS_FILE)
                ? Path.of(report.getString(FileImportReportTasklet.REJECTS_FILE)) : null;
        return new FileImportResult(file, FileImportResult.Status.IMPORTED, lines, imported,
                Math.max(0, lines - imported - rejected), rejected, counters.lateCharges().applyAsLong(outcome.execution()),
                statistics.alerts(importId), rejectsFile, null);
    }
}
