package org.voipguard.cdr;

import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;
import org.voipguard.command.TopLevelCommand;
import org.voipguard.imports.ImportCommandSupport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Component
@Command(name = "cdrs", description = "Call detail records: import and evaluate price limits (P1) and bill warnings (P3).")
public class CdrsCommand implements TopLevelCommand {

    @Spec
    private CommandSpec spec;

    private final CdrImporter importer;
    private final ImportCommandSupport support;
    private final CdrDryRun dryRun;

    public CdrsCommand(CdrImporter importer, ImportCommandSupport support, CdrDryRun dryRun) {
        this.importer = importer;
        this.support = support;
        this.dryRun = dryRun;
    }

    @Command(name = "import", description = "Import CDR files or folders of them (a folder: its files in name order).")
    int importFiles(
            @Parameters(paramLabel = "PATH", arity = "1..*", description = "CDR CSV files or folders") List<Path> paths,
            @Option(names = "--no-email", description = "store the alerts but do not send their emails now") boolean noEmail,
            @Option(names = "--dry-run", description = "print the alerts the import would raise; store and send nothing")
            boolean dryRun) {
        if (dryRun) {
            return this.dryRun.run(spec.commandLine().getOut(), "cdrs import", paths);
        }
        return support.importAll(spec.commandLine().getOut(), "cdrs import", paths, !noEmail, importer::importFile);
    }
}
