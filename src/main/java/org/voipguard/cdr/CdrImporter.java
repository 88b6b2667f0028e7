package org.voipguard.cdr;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.voipguard.cdr.formats.CdrFormat;
import org.voipguard.cdr.formats.CdrFormatDetector;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.FileImportResult;
import org.voipguard.imports.FileImports;
import org.voipguard.imports.ImportJobParameters;
import org.voipguard.imports.LineLengthCap;

/**
 * Imports CDR files, one job per file; a file imported before is reported and skipped. A file
 * whose format is not given is recognised from its first line, or refused.
 */
@Service
public class CdrImporter {

    private final FileImports fileImports;
    private final Job cdrImportJob;
    private final LineLengthCap cap;

    public CdrImporter(FileImports fileImports, @Qualifier("cdrImportJob") Job cdrImportJob,
            VoipGuardProperties properties) {
        this.fileImports = fileImports;
        this.cdrImportJob = cdrImportJob;
        this.cap = LineLengthCap.of(properties);
    }

    /** Imports the file in the format its first line shows, raising alerts. */
    public FileImportResult importFile(Path file) {
        return importFile(file, Optional.empty(), false);
    }

    /**
     * @param format   empty to recognise it from the file's first line
     * @param baseline store and learn, but keep no alert (a provider's history, imported once)
     */
    public FileImportResult importFile(Path file, Optional<CdrFormat> format, boolean baseline) {
        Optional<CdrFormat> known = format;
        if (known.isEmpty()) {
            CdrFormatDetector.Detection detection = CdrFormatDetector.detect(file, cap);
            if (detection.format().isEmpty()) {
                return FileImportResult.failed(file, detection.refusal());
            }
            known = detection.format();
        }
        return fileImports.run(cdrImportJob, CdrImportJobConfiguration.KIND, CdrChunkWriter.STEP, file,
                Map.of(ImportJobParameters.FORMAT, known.get().option(),
                        ImportJobParameters.BASELINE, String.valueOf(baseline)));
    }
}
