package org.voipguard.registration;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.DryRunSupport;
import org.voipguard.imports.ItemStreams;
import org.voipguard.imports.LineLengthCap;
import org.voipguard.imports.PlausibleTimes;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.rules.ActiveRuleBook;

/**
 * {@code registrations import --dry-run}: the alerts an import of the logs would raise now,
 * from what the database knows of each number, with the rules as they are on disk. Reads the
 * database, never writes it.
 */
@Component
public class RegistrationDryRun {

    private final RegistrationStateStore store;
    private final NumberDirectory numbers;
    private final ActiveRuleBook rules;
    private final DryRunSupport support;
    private final VoipGuardProperties properties;
    private final PlausibleTimes plausibleTimes;

    public RegistrationDryRun(RegistrationStateStore store, NumberDirectory numbers, ActiveRuleBook rules,
            DryRunSupport support, VoipGuardProperties properties, PlausibleTimes plausibleTimes) {
        this.store = store;
        this.numbers = numbers;
        this.rules = rules;
        this.support = support;
        this.properties = properties;
        this.plausibleTimes = plausibleTimes;
    }

    public int run(PrintWriter out, String command, List<Path> paths, LogFormat format) {
        InMemoryRegistrationImport evaluation = InMemoryRegistrationImport.fromStored(store, numbers, rules.current(),
                properties.chunkSize(), plausibleTimes);
        return support.evaluateAll(out, command, RegistrationImportJobConfiguration.KIND, paths, file -> {
            InMemoryRegistrationImport.FileRun run = evaluation.startFile(file.getFileName().toString(), format);
            ItemStreams.forEach(RegistrationFiles.reader(file, format, LineLengthCap.of(properties)), run::accept);
            return run.finish();
        });
    }
}
