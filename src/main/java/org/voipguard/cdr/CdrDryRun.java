package org.voipguard.cdr;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.voipguard.billing.BillingMonths;
import org.voipguard.billing.CallPricer;
import org.voipguard.cdr.formats.CdrFormat;
import org.voipguard.cdr.formats.CdrFormatDetector;
import org.voipguard.cdr.formats.CdrFormatParsers;
import org.voipguard.cdr.formats.CdrFormatSettings;
import org.voipguard.cdr.formats.JdbcOpenCalls;
import org.voipguard.cdr.formats.OpenCalls;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.DryRunSupport;
import org.voipguard.imports.ItemStreams;
import org.voipguard.imports.LineLengthCap;
import org.voipguard.imports.PlausibleTimes;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.rules.ActiveRuleBook;

/**
 * {@code cdrs import --dry-run}: the alerts an import of the files would raise now, from the
 * numbers' stored spend plus the files', with the rules as they are on disk, each file read in
 * its format. Reads the database, never writes it: Kamailio calls left open are kept in memory.
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
    private final CdrFormatParsers parsers;
    private final JdbcOpenCalls openCalls;

    public CdrDryRun(CallPricer pricer, BillingMonths months, NumberDirectory numbers, ActiveRuleBook rules,
            StoredCdrState stored, DryRunSupport support, VoipGuardProperties properties,
            PlausibleTimes plausibleTimes, CdrFormatSettings settings, JdbcOpenCalls openCalls) {
        this.pricer = pricer;
        this.months = months;
        this.numbers = numbers;
        this.rules = rules;
        this.stored = stored;
        this.support = support;
        this.properties = properties;
        this.plausibleTimes = plausibleTimes;
        this.parsers = new CdrFormatParsers(settings, properties.defaultCountry(), properties.timeZone(),
                plausibleTimes);
        this.openCalls = openCalls;
    }

    /** @param format empty to recognise each file's format from its first line */
    public int run(PrintWriter out, String command, List<Path> paths, Optional<CdrFormat> format) {
        LineLengthCap cap = LineLengthCap.of(properties);
        OpenCalls calls = openCalls.readOnly();
        InMemoryCdrImport evaluation = new InMemoryCdrImport(new CdrLineProcessor(pricer, plausibleTimes), months,
                numbers, rules.current(), stored, properties.chunkSize());
        return support.evaluateAll(out, command, CdrImportJobConfiguration.KIND, paths, file -> {
            CdrFormat fileFormat = format.orElseGet(() -> detected(file, cap));
            InMemoryCdrImport.FileRun run = evaluation.startFile(file.getFileName().toString(),
                    new CdrLineProcessor(parsers.parser(fileFormat, calls), pricer));
            ItemStreams.forEach(CdrFiles.reader(file, fileFormat, cap), run::accept);
            return run.finish();
        });
    }

    private static CdrFormat detected(Path file, LineLengthCap cap) {
        CdrFormatDetector.Detection detection = CdrFormatDetector.detect(file, cap);
        return detection.format().orElseThrow(() -> new IllegalArgumentException(detection.refusal()));
    }
}
