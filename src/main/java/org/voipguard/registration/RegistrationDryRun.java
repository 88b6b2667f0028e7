package org.voipguard.registration;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.voipguard.blocklist.AllowlistFile;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.DryRunSupport;
import org.voipguard.imports.ItemStreams;
import org.voipguard.imports.LineLengthCap;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.rules.ActiveRuleBook;

/**
 * {@code registrations import --dry-run}: the alerts an import of the logs would raise now,
 * from what the database knows of each number, with the rules as they are on disk; with
 * {@code --baseline}, what such a quiet import would learn. Reads the database, never writes it.
 */
@Component
public class RegistrationDryRun {

    private final RegistrationStateStore store;
    private final RegistrationEventStore events;
    private final AbuseWindowStore windows;
    private final AllowlistFile allowlist;
    private final NumberDirectory numbers;
    private final ActiveRuleBook rules;
    private final DryRunSupport support;
    private final VoipGuardProperties properties;
    private final RegistrationParsers parsers;

    public RegistrationDryRun(RegistrationStateStore store, RegistrationEventStore events, AbuseWindowStore windows,
            AllowlistFile allowlist, NumberDirectory numbers, ActiveRuleBook rules, DryRunSupport support,
            VoipGuardProperties properties, RegistrationParsers parsers) {
        this.store = store;
        this.windows = windows;
        this.allowlist = allowlist;
        this.events = events;
        this.numbers = numbers;
        this.rules = rules;
        this.support = support;
        this.properties = properties;
        this.parsers = parsers;
    }

    /** @param format empty: each file's format is recognised from its first lines */
    public int run(PrintWriter out, String command, List<Path> paths, Optional<LogFormat> format, boolean baseline) {
        LineLengthCap cap = LineLengthCap.of(properties);
        InMemoryRegistrationImport evaluation = InMemoryRegistrationImport.fromStored(store, events, windows, numbers,
                rules.current(), allowlist.read(), properties.chunkSize(), parsers, baseline);
        int exitCode = support.evaluateAll(out, command, RegistrationImportJobConfiguration.KIND, paths, file -> {
            LogFormat chosen = format.orElseGet(() -> LogFormatDetector.detect(file, cap));
            InMemoryRegistrationImport.FileRun run = evaluation.startFile(file.getFileName().toString(), chosen);
            ItemStreams.forEach(RegistrationFiles.reader(file, chosen, cap), run::accept);
            return run.finish();
        });
        if (baseline) {
            out.printf("%s --dry-run: baseline: would learn %s; no alert would be raised%n", command,
                    evaluation.learned().describe());
        }
        return exitCode;
    }
}
