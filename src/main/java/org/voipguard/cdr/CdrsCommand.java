package org.voipguard.cdr;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.voipguard.cdr.formats.CdrFormat;
import org.voipguard.command.TopLevelCommand;
import org.voipguard.command.UsageException;
import org.voipguard.imports.FileImportResult;
import org.voipguard.imports.ImportCommandSupport;
import org.voipguard.imports.ImportedFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Component
@Command(name = "cdrs", description = "Call detail records: import and evaluate price limits (P1) and bill warnings (P3).")
public class CdrsCommand implements TopLevelCommand {

    private static final String COMMAND = "cdrs import";

    @Spec
    private CommandSpec spec;

    private final CdrImporter importer;
    private final ImportCommandSupport support;
    private final CdrDryRun dryRun;
    private final CdrBaseline baselines;

    public CdrsCommand(CdrImporter importer, ImportCommandSupport support, CdrDryRun dryRun, CdrBaseline baselines) {
        this.importer = importer;
        this.support = support;
        this.dryRun = dryRun;
        this.baselines = baselines;
    }

    @Command(name = "import", description = "Import CDR files or folders of them (a folder: its files in name order).")
    int importFiles(
            @Option(names = "--format", paramLabel = "F",
                    description = "csv, asterisk-csv, freeswitch-csv or kamailio-acc (default: recognised from "
                            + "each file's first line)") String format,
            @Parameters(paramLabel = "PATH", arity = "1..*", description = "CDR files or folders") List<Path> paths,
            @Option(names = "--no-email", description = "store the alerts but do not send their emails now") boolean noEmail,
            @Option(names = "--dry-run", description = "print the alerts the import would raise; store and send nothing")
            boolean dryRun,
            @Option(names = "--baseline", description = "import history: store the calls and their spend, "
                    + "raise no alert, send no email") boolean baseline) {
        Optional<CdrFormat> cdrFormat = Optional.ofNullable(format).map(CdrFormat::fromOption);
        if (dryRun && baseline) {
            throw new UsageException("--baseline and --dry-run do not go together: a baseline raises no alert to show");
        }
        if (dryRun) {
            return this.dryRun.run(spec.commandLine().getOut(), COMMAND, paths, cdrFormat);
        }
        if (!baseline) {
            return support.importAll(spec.commandLine().getOut(), COMMAND, paths, !noEmail,
                    file -> importer.importFile(file, cdrFormat, false));
        }
        Set<String> imported = new LinkedHashSet<>();
        int exitCode = support.importAll(spec.commandLine().getOut(), COMMAND, paths, false, file -> {
            FileImportResult result = importer.importFile(file, cdrFormat, true);
            if (result.status() != FileImportResult.Status.ALREADY_IMPORTED) {
                imported.add(ImportedFiles.sha256(file));
            }
            return result;
        });
        spec.commandLine().getOut().printf("%s: baseline: %s%n", COMMAND, baselines.learnedFrom(imported).describe());
        return exitCode;
    }
}
