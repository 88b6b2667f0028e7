package org.voipguard.registration;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.FileImportResult;
import org.voipguard.imports.FileImports;
import org.voipguard.imports.ImportJobParameters;
import org.voipguard.imports.ImportedFiles;
import org.voipguard.imports.LineLengthCap;

/**
 * Imports registration logs, one job per file; a file imported before is reported and skipped.
 * A file whose format is not given is recognised from its first lines, and refused when no
 * format recognises it.
 */
@Service
public class RegistrationImporter {

    private final FileImports fileImports;
    private final Job registrationImportJob;
    private final RegistrationStateStore store;
    private final LineLengthCap cap;

    public RegistrationImporter(FileImports fileImports, @Qualifier("registrationImportJob") Job registrationImportJob,
            RegistrationStateStore store, VoipGuardProperties properties) {
        this.fileImports = fileImports;
        this.registrationImportJob = registrationImportJob;
        this.store = store;
        this.cap = LineLengthCap.of(properties);
    }

    /** What one file's import did and, for a baseline, what it learned. */
    public record Imported(FileImportResult result, Learned learned) {
    }

    public FileImportResult importFile(Path file, LogFormat format) {
        return importFile(file, Optional.of(format), false).result();
    }

    /**
     * @param format   empty: recognised from the file's first lines
     * @param baseline learn and store, raise no alert
     */
    public Imported importFile(Path file, Optional<LogFormat> format, boolean baseline) {
        LogFormat chosen;
        try {
            chosen = format.orElseGet(() -> LogFormatDetector.detect(file, cap));
        } catch (LogFormatDetector.UnrecognisedLogException e) {
            return new Imported(FileImportResult.failed(file, e.getMessage()), Learned.NOTHING);
        }
        // Only a baseline names itself: an import restarted after an upgrade keeps its job instance.
        Map<String, String> parameters = baseline
                ? Map.of(ImportJobParameters.FORMAT, chosen.option(), ImportJobParameters.BASELINE, "true")
                : Map.of(ImportJobParameters.FORMAT, chosen.option());
        FileImportResult result = fileImports.run(registrationImportJob, RegistrationImportJobConfiguration.KIND,
                RegistrationLoadWriter.STEP, file, parameters);
        boolean ran = result.status() == FileImportResult.Status.IMPORTED;
        return new Imported(result, baseline && ran
                ? store.learnedByImportOf(RegistrationImportJobConfiguration.KIND, ImportedFiles.sha256(file))
                : Learned.NOTHING);
    }
}
