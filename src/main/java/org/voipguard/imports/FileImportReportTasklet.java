package org.voipguard.imports;

import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.voipguard.config.VoipGuardProperties;

/**
 * The last step of a file import: writes the rejects file, fails the import when the share of
 * bad lines is past {@code voipguard.max-rejected-share}, and otherwise records the file as
 * imported so the same content is never imported again.
 */
public class FileImportReportTasklet implements Tasklet {

    /** Job execution context keys: the file's record count and the rejects file, for the run summary. */
    static final String LINES = "lines";
    static final String REJECTS_FILE = "rejectsFile";

    private final String kind;
    private final RejectedLines rejects;
    private final ImportedFiles files;
    private final VoipGuardProperties properties;

    public FileImportReportTasklet(String kind, RejectedLines rejects, ImportedFiles files,
            VoipGuardProperties properties) {
        this.kind = kind;
        this.rejects = rejects;
        this.files = files;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long importId = job.getJobInstanceId();
        Path file = Path.of(job.getJobParameters().getString(ImportJobParameters.FILE));
        Path rejectsFile = rejects.writeFile(importId, properties.rejectsDir(), file.getFileName().toString());
        long lines = DataLines.count(file, LineLengthCap.of(properties));
        job.getExecutionContext().putLong(LINES, lines);
        if (rejectsFile != null) {
            job.getExecutionContext().putString(REJECTS_FILE, rejectsFile.toString());
        }
        long rejected = rejects.count(importId);
        if (lines > 0 && (double) rejected / lines > properties.maxRejectedShare()) {
            throw new TooManyRejectedLinesException(file, rejected, lines, properties.maxRejectedShare());
        }
        files.record(kind, job.getJobParameters().getString(ImportJobParameters.SHA256), file, importId);
        return RepeatStatus.FINISHED;
    }
}
