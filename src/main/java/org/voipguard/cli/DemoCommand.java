package org.voipguard.cli;

import org.voipguard.command.TopLevelCommand;
import org.voipguard.command.UsageException;

import java.util.function.Function;
import java.util.concurrent.Callable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.voipguard.cdr.CdrImporter;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.FileImportResult;
import org.voipguard.imports.ImportReport;
import org.voipguard.imports.InputFiles;
import org.voipguard.notification.AlertStore;
import org.voipguard.notification.Mailer;
import org.voipguard.numbers.NumberImportReport;
import org.voipguard.numbers.NumberSettingsImporter;
import org.voipguard.registration.LogFormat;
import org.voipguard.registration.RegistrationImporter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs everything on the sample data: numbers, CDRs, registration logs, then the emails. */
@Component
@Command(name = "demo", description = "Import sample-data/ (numbers, CDRs, registrar, Asterisk and Kamailio logs) and write the emails.")
public class DemoCommand implements TopLevelCommand, Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "sample-data", description = "the sample data folder")
    private Path dir;

    private final NumberSettingsImporter numbers;
    private final CdrImporter cdrs;
    private final RegistrationImporter registrations;
    private final Mailer mailer;
    private final AlertStore alertStore;
    private final VoipGuardProperties properties;

    public DemoCommand(NumberSettingsImporter numbers, CdrImporter cdrs, RegistrationImporter registrations,
            Mailer mailer, AlertStore alertStore, VoipGuardProperties properties) {
        this.numbers = numbers;
        this.cdrs = cdrs;
        this.registrations = registrations;
        this.mailer = mailer;
        this.alertStore = alertStore;
        this.properties = properties;
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no sample data folder " + dir.toAbsolutePath() + " (run the demo from the project folder)");
        }
        PrintWriter out = spec.commandLine().getOut();
        NumberImportReport numberReport = numbers.importFile(dir.resolve("numbers.csv"));
        out.println(numberReport.summary());
        List<FileImportResult> results = new ArrayList<>();
        importEach(out, "cdrs import", InputFiles.expand(List.of(dir.resolve("cdrs"))), results, cdrs::importFile);
        for (String switchCdrs : List.of("cdrs-asterisk", "cdrs-freeswitch", "cdrs-kamailio")) {
            importEach(out, "cdrs import", InputFiles.expand(List.of(dir.resolve(switchCdrs))), results, cdrs::importFile);
        }
        importEach(out, "registrations import", InputFiles.expand(List.of(dir.resolve("registrations"))), results,
                file -> registrations.importFile(file, LogFormat.CSV));
        importEach(out, "registrations import", InputFiles.expand(List.of(dir.resolve("asterisk"), dir.resolve("kamailio"))),
                results, file -> registrations.importFile(file, Optional.empty(), false).result());
        var delivery = mailer.sendPending();
        out.println("emails: " + delivery);
        out.printf("demo: read %d numbers and %d log records, rejected %d (see %s), raised %d alerts (stored in all: %s), "
                + "wrote %d emails to %s%n", numberReport.rowsRead(), results.stream().mapToLong(FileImportResult::records).sum(),
                numberReport.rejectedRows() + results.stream().mapToLong(FileImportResult::rejected).sum(),
                properties.rejectsDir(), results.stream().mapToLong(FileImportResult::alerts).sum(), alertsByType(),
                delivery.sent(), delivery.where());
        return ImportReport.exitCode(results);
    }

    private static void importEach(PrintWriter out, String command, List<Path> files, List<FileImportResult> results,
            Function<Path, FileImportResult> importer) {
        for (Path file : files) {
            FileImportResult result = importer.apply(file);
            ImportReport.printFile(out, command, result);
            results.add(result);
        }
    }

    private String alertsByType() {
        return alertStore.countsByType().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
