package org.voipguard.imports;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;
import org.voipguard.notification.AlertStore;
import org.voipguard.rules.ActiveRuleBook;

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
    private final AlertStore alerts;
    private final JobRepository jobRepository;

    public FileImports(JobRunner jobRunner, ImportedFiles importedFiles, RejectedLines rejects,
            AlertStore alerts, JobRepository jobRepository) {
        this.jobRunner = jobRunner;
        this.importedFiles = importedFiles;
        this.rejects = rejects;
        this.alerts = alerts;
        this.jobRepository = jobRepository;
    }

    /** @param loadStep the job's step that reads the file and counts its records ({@link RecordCounts}) */
    public FileImportResult run(Job job, String kind, String loadStep, Path file, Map<String, String> extraParameters) {
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
        return summary(file, outcome, loadStep);
    }

    /**
     * Sums up from the counts the load step saved and the database, for a failed import too:
     * what it stored before it failed stays stored, and is counted.
     */
    private FileImportResult summary(Path file, JobRunner.Outcome outcome, String loadStep) {
        long importId = outcome.importId();
        ExecutionContext report = outcome.execution().getExecutionContext();
        Path rejectsFile = report.containsKey(FileImportReportTasklet.REJECTS_FILE)
                ? Path.of(report.getString(FileImportReportTasklet.REJECTS_FILE)) : null;
        FileImportResult.Status status = outcome.failure() == null
                ? FileImportResult.Status.IMPORTED : FileImportResult.Status.FAILED;
        return new FileImportResult(file, status, RecordCounts.ofStep(outcome.execution(), jobRepository, loadStep),
                rejects.count(importId), alerts.countOf(importId), rejectsFile, outcome.failure(),
                report.getString(ActiveRuleBook.JOB_CONTEXT_KEY, null));
    }
}
