package org.voipguard.cdr;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.voipguard.imports.FileImportResult;
import org.voipguard.imports.FileImports;

/** Imports CDR files, one job per file; a file imported before is reported and skipped. */
@Service
public class CdrImporter {

    private final FileImports fileImports;
    private final Job cdrImportJob;
    private final FileImports.Counters counters;

    public CdrImporter(FileImports fileImports, @Qualifier("cdrImportJob") Job cdrImportJob,
            JobRepository jobRepository) {
        this.fileImports = fileImports;
        this.cdrImportJob = cdrImportJob;
        this.counters = new FileImports.Counters(
                execution -> CdrChunkWriter.Counts.of(execution, jobRepository).importedCalls(),
                execution -> CdrChunkWriter.Counts.of(execution, jobRepository).lateCharges());
    }

    public FileImportResult importFile(Path file) {
        return fileImports.run(cdrImportJob, CdrImportJobConfiguration.KIND, file, Map.of(), counters);
    }
}
