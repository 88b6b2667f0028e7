package org.voipguard.imports;

import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.voipguard.config.VoipGuardProperties;

/**
 * The last step of a file import: writes the rejects file, fails the import when the share of
 * rejected records is past {@code voipguard.max-rejected-share}, and otherwise records the file
 * as imported so the same content is never imported again.
 */
public class FileImportReportTasklet implements Tasklet {

    /** Job execution context key: the rejects file, for the run summary. */
    static final String REJECTS_FILE = "rejectsFile";

    private final String kind;
    private final String loadStep;
    private final RejectedLines rejects;
    private final ImportedFiles files;
    private final VoipGuardProperties properties;
    private final JobRepository jobRepository;

    /** @param loadStep the step that read the file's records and counted them ({@link RecordCounts}) */
    public FileImportReportTasklet(String kind, String loadStep, RejectedLines rejects, ImportedFiles files,
            VoipGuardProperties properties, JobRepository jobRepository) {
        this.kind = kind;
        this.loadStep = loadStep;
        this.rejects = rejects;
        this.files = files;
        this.properties = properties;
        this.jobRepository = jobRepository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long importId = job.getJobInstanceId();
        Path file = Path.of(job.getJobParameters().getString(ImportJobParameters.FILE));
        Path rejectsFile = rejects.writeFile(importId, properties.rejectsDir(), file.getFileName().toString());
        if (rejectsFile != null) {
            job.getExecutionContext().putString(REJECTS_FILE, rejectsFile.toString());
        }
        long rejected = rejects.count(importId);
        long records = RecordCounts.ofStep(job, jobRepository, loadStep).accepted() + rejected;
        if (records > 0 && (double) rejected / records > properties.maxRejectedShare()) {
            throw new TooManyRejectedLinesException(file, rejected, records, properties.maxRejectedShare());
        }
        files.record(kind, job.getJobParameters().getString(ImportJobParameters.SHA256), file, importId);
        return RepeatStatus.FINISHED;
    }
}
