package org.voipguard.registration;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.voipguard.imports.FileImportResult;
import org.voipguard.imports.FileImports;
import org.voipguard.imports.ImportJobParameters;

/** Imports registration logs, one job per file; a file imported before is reported and skipped. */
@Service
public class RegistrationImporter {

    private final FileImports fileImports;
    private final Job registrationImportJob;

    public RegistrationImporter(FileImports fileImports, @Qualifier("registrationImportJob") Job registrationImportJob) {
        this.fileImports = fileImports;
        this.registrationImportJob = registrationImportJob;
    }

    public FileImportResult importFile(Path file, LogFormat format) {
        return fileImports.run(registrationImportJob, RegistrationImportJobConfiguration.KIND,
                RegistrationLoadWriter.STEP, file, Map.of(ImportJobParameters.FORMAT, format.option()));
    }
}
