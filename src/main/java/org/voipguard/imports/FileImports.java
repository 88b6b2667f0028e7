package org.voipguard.imports;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
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
    private final VoipGuardProperties properties;

    public FileImports(JobRunner jobRunner, ImportedFiles importedFiles, RejectedLines rejects,
            ImportStatistics statistics, VoipGuardProperties properties) {
        this.jobRunner = jobRunner;
        this.importedFiles = importedFiles;
        this.rejects = rejects;
        this.statistics = statistics;
        this.properties = properties;
    }

    /** How to count what an import stored: records by import id, and late charges by import id. */
    public record Counters(LongUnaryOperator imported, LongUnaryOperator lateCharges) {
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
        return summary(file, outcome.importId(), counters);
    }

    private FileImportResult summary(Path file, long importId, Counters counters) {
        long lines = DataLines.count(file);
        long imported = counters.imported().applyAsLong(importId);
        long rejected = rejects.count(importId);
        Path rejectsFile = rejected == 0 ? null : properties.rejectsDir().resolve(file.getFileName() + ".rejects.csv");
        return new FileImportResult(file, FileImportResult.Status.IMPORTED, lines, imported,
                Math.max(0, lines - imported - rejected), rejected, counters.lateCharges().applyAsLong(importId),
                statistics.alerts(importId), rejectsFile, null);
    }
}
