package org.voipguard.registration;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;
import org.voipguard.blocklist.AllowlistFile;
import org.voipguard.command.UsageException;
import org.voipguard.notification.AlertStore;
import org.voipguard.notification.EmailComposer;
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

    private static final String COMMAND = "registrations import";

    @Spec
    private CommandSpec spec;

    private final RegistrationImporter importer;
    private final ImportCommandSupport support;
    private final RegistrationDryRun dryRun;
    private final AllowlistFile allowlist;
    private final AlertStore alerts;
    private final EmailComposer composer;

    public RegistrationsCommand(RegistrationImporter importer, ImportCommandSupport support,
            RegistrationDryRun dryRun, AllowlistFile allowlist, AlertStore alerts, EmailComposer composer) {
        this.importer = importer;
        this.support = support;
        this.dryRun = dryRun;
        this.allowlist = allowlist;
        this.alerts = alerts;
        this.composer = composer;
    }

    @Command(name = "import", description = "Import registration logs or folders of them (a folder: its files in name order).")
    int importFiles(
            @Option(names = "--format", paramLabel = "F",
                    description = "csv, asterisk-security, asterisk-log or kamailio; without it each file's format"
                            + " is recognised from its first lines") String format,
            @Parameters(paramLabel = "PATH", arity = "1..*", description = "log files or folders") List<Path> paths,
            @Option(names = "--no-email", description = "store the alerts but do not send their emails now") boolean noEmail,
            @Option(names = "--dry-run", description = "print the alerts the import would raise; store and send nothing")
            boolean dryRun,
            @Option(names = "--baseline", description = "a quiet first run of a history: store it and learn each"
                    + " number's phones, addresses and User-Agents, raise no alert, send no email") boolean baseline) {
        Optional<LogFormat> logFormat = Optional.ofNullable(format).map(LogFormat::fromOption);
        try {
            allowlist.read();
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        Instant started = Instant.now();
        if (dryRun) {
            return this.dryRun.run(out, COMMAND, paths, logFormat, baseline);
        }
        AtomicReference<Learned> learned = new AtomicReference<>(Learned.NOTHING);
        int exitCode = support.importAll(out, COMMAND, paths, !noEmail && !baseline, file -> {
            RegistrationImporter.Imported imported = importer.importFile(file, logFormat, baseline);
            learned.accumulateAndGet(imported.learned(), Learned::plus);
            return imported.result();
        });
        if (baseline) {
            out.printf("%s: baseline: learned %s; no alert raised, no email sent%n", COMMAND,
                    learned.get().describe());
        }
        long aboutAddresses = composer.hasOperators() ? 0 : alerts.countAboutAddressesSince(started);
        if (aboutAddresses > 0) {
            out.printf("%s: %d alerts about an address (AUTH_FAILURES, SCANNER) are stored and on the blocklist but"
                    + " emailed to nobody: voipguard.operator-email is not set%n", COMMAND, aboutAddresses);
        }
        return exitCode;
    }
}
