package org.voipguard.registration;

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
@Command(name = "registrations",
        description = "Registrar logs: import and evaluate IP lockdown (P2) and new IP / User-Agent warnings (P4).")
public class RegistrationsCommand implements TopLevelCommand {

    @Spec
    private CommandSpec spec;

    private final RegistrationImporter importer;
    private final ImportCommandSupport support;
    private final RegistrationDryRun dryRun;

    public RegistrationsCommand(RegistrationImporter importer, ImportCommandSupport support,
            RegistrationDryRun dryRun) {
        this.importer = importer;
        this.support = support;
        this.dryRun = dryRun;
    }

    @Command(name = "import", description = "Import registration logs or folders of them (a folder: its files in name order).")
    int importFiles(
            @Option(names = "--format", paramLabel = "F", defaultValue = "csv",
                    description = "csv (default) or asterisk-security") String format,
            @Parameters(paramLabel = "PATH", arity = "1..*", description = "log files or folders") List<Path> paths,
            @Option(names = "--no-email", description = "store the alerts but do not send their emails now") boolean noEmail,
            @Option(names = "--dry-run", description = "print the alerts the import would raise; store and send nothing")
            boolean dryRun) {
        LogFormat logFormat = LogFormat.fromOption(format);
        if (dryRun) {
            return this.dryRun.run(spec.commandLine().getOut(), "registrations import", paths, logFormat);
        }
        return support.importAll(spec.commandLine().getOut(), "registrations import", paths, !noEmail, file -> importer.importFile(file, logFormat));
    }
}
