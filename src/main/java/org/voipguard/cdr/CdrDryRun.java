package org.voipguard.cdr;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;
import org.voipguard.billing.BillingMonths;
import org.voipguard.billing.CallPricer;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.DryRunSupport;
import org.voipguard.imports.ItemStreams;
import org.voipguard.imports.LineLengthCap;
import org.voipguard.imports.PlausibleTimes;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.rules.ActiveRuleBook;

/**
 * {@code cdrs import --dry-run}: the alerts an import of the files would raise now, from the
 * numbers' stored spend plus the files', with the rules as they are on disk. Reads the
 * database, never writes it.
 */
@Component
public class CdrDryRun {

    private final CallPricer pricer;
    private final BillingMonths months;
    private final NumberDirectory numbers;
    private final ActiveRuleBook rules;
    private final StoredCdrState stored;
    private final DryRunSupport support;
    private final VoipGuardProperties properties;
    private final PlausibleTimes plausibleTimes;

    public CdrDryRun(CallPricer pricer, BillingMonths months, NumberDirectory numbers, ActiveRuleBook rules,
            StoredCdrState stored, DryRunSupport support, VoipGuardProperties properties,
            PlausibleTimes plausibleTimes) {
        this.pricer = pricer;
        this.months = months;
        this.numbers = numbers;
        this.rules = rules;
        this.stored = stored;
        this.support = support;
        this.properties = properties;
        this.plausibleTimes = plausibleTimes;
    }

    public int run(PrintWriter out, String command, List<Path> paths) {
        InMemoryCdrImport evaluation = new InMemoryCdrImport(new CdrLineProcessor(pricer, plausibleTimes), months, numbers,
                rules.current(), stored, properties.chunkSize());
        return support.evaluateAll(out, command, CdrImportJobConfiguration.KIND, paths, file -> {
            InMemoryCdrImport.FileRun run = evaluation.startFile(file.getFileName().toString());
            ItemStreams.forEach(CdrFiles.reader(file, LineLengthCap.of(properties)), run::accept);
            return run.finish();
        });
    }
}
