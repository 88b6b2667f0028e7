package org.voipguard.cdr;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.voipguard.imports.FileImportResult;
import org.voipguard.imports.FileImports;

/** Imports CDR files, one job per file; a file imported before is reported and skipped. */
@Service
public class CdrImporter {

    private final FileImports fileImports;
    private final Job cdrImportJob;

    public CdrImporter(FileImports fileImports, @Qualifier("cdrImportJob") Job cdrImportJob) {
        this.fileImports = fileImports;
        this.cdrImportJob = cdrImportJob;
    }

    public FileImportResult importFile(Path file) {
        return fileImports.run(cdrImportJob, CdrImportJobConfiguration.KIND, CdrChunkWriter.STEP, file, Map.of());
    }
}
