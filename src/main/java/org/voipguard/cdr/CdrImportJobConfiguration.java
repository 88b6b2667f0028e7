package org.voipguard.cdr;

import java.nio.file.Path;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.voipguard.billing.BillingMonths;
import org.voipguard.billing.CallPricer;
import org.voipguard.billing.SpendLedger;
import org.voipguard.cdr.formats.CdrFormat;
import org.voipguard.cdr.formats.CdrFormatParsers;
import org.voipguard.cdr.formats.CdrFormatSettings;
import org.voipguard.cdr.formats.JdbcOpenCalls;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.db.FreshStatistics;
import org.voipguard.imports.FileImportReportTasklet;
import org.voipguard.imports.ImportJobParameters;
import org.voipguard.imports.ImportProgressListener;
import org.voipguard.imports.ImportedFiles;
import org.voipguard.imports.LineLengthCap;
import org.voipguard.imports.NumberPartition;
import org.voipguard.imports.PartThreads;
import org.voipguard.imports.PlausibleTimes;
import org.voipguard.imports.RejectedLines;
import org.voipguard.imports.RulesAtJobStartListener;
import org.voipguard.imports.UnfinishedRecordTolerantReader;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.rules.ActiveRuleBook;
import org.voipguard.rules.AlertSink;

/**
 * The CDR import job, run once per file: read and rate the calls (P1), add their charges to
 * the monthly spend, then warn about bills that crossed a level (P3, billing's step), then
 * report rejected lines. The file's format ({@code format}) decides how its lines are read; a
 * baseline import ({@code baseline}) stores and learns the same but keeps no alert. The job
 * instance is the file, so an interrupted import is restarted where it stopped and a finished
 * one is never run again.
 */
@Configuration
public class CdrImportJobConfiguration {

    public static final String JOB_NAME = "cdrImport";
    static final String KIND = "CDR";

    private static final String IMPORT_ID = ImportJobParameters.IMPORT_ID;
    private static final String FILE = ImportJobParameters.FILE_VALUE;
    private static final String FORMAT = ImportJobParameters.FORMAT_VALUE;
    private static final String BASELINE = ImportJobParameters.BASELINE_VALUE;
    /** About 100 bytes each: a bound of some 25 MB of heap. */
    private static final int PRICE_LIMITS_REMEMBERED = 250_000;

    @Bean
    public Job cdrImportJob(JobRepository jobRepository, Step importCdrsStep, Step addSpendStep,
            Step billWarningsStep, Step cdrReportStep, RulesAtJobStartListener rulesAtJobStart) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(rulesAtJobStart)
                .start(importCdrsStep)
                .next(addSpendStep)
                .next(billWarningsStep)
                .next(cdrReportStep)
                .build();
    }

    /**
     * Runs the parts of the file's records ({@link NumberPartition}) side by side, one thread
     * each, {@code voipguard.import-parts} of them; a Kamailio file in one part, as its BYE lines
     * are joined to the INVITEs before them.
     */
    @Bean
    public Step importCdrsStep(JobRepository jobRepository, VoipGuardProperties properties, Step importCdrsPartStep,
            Partitioner cdrPartitioner, FreshStatistics freshStatistics) {
        return new StepBuilder(CdrChunkWriter.STEP, jobRepository)
                .listener(freshStatistics)
                .partitioner(CdrChunkWriter.PART_STEP, cdrPartitioner)
                .step(importCdrsPartStep)
                .gridSize(properties.importParts())
                .taskExecutor(PartThreads.named("import-cdrs"))
                .build();
    }

    @Bean
    @JobScope
    Partitioner cdrPartitioner(@Value(FORMAT) String format) {
        return NumberPartition.partitioner(CdrFormat.fromOption(format) != CdrFormat.KAMAILIO_ACC);
    }

    @Bean
    public Step importCdrsPartStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            VoipGuardProperties properties, ItemStreamReader<CdrLine> cdrReader, CdrLineProcessor cdrProcessor,
            CdrChunkWriter cdrWriter, ImportCharges importCharges, FreshStatistics freshStatistics) {
        return new StepBuilder(CdrChunkWriter.PART_STEP, jobRepository)
                .<CdrLine, CdrOutcome>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(cdrReader)
                .processor(cdrProcessor)
                .writer(cdrWriter)
                .listener(new ImportProgressListener("cdrs"))
                .listener(importCharges)
                .listener(freshStatistics.afterEachChunk())
                .build();
    }

    /** About 200 bytes each: a bound of some 40 MB of heap, shared by the parts. */
    @Bean
    @JobScope
    ImportCharges importCharges(VoipGuardProperties properties) {
        return new ImportCharges(200_000 / properties.importParts());
    }

    @Bean
    @StepScope
    public UnfinishedRecordTolerantReader<CdrLine> cdrReader(@Value(FILE) String file, @Value(FORMAT) String format,
            VoipGuardProperties properties) {
        return CdrFiles.reader(Path.of(file), CdrFormat.fromOption(format), LineLengthCap.of(properties));
    }

    /** One per step run: a Kamailio file's open calls are kept in the transaction of the chunk that read them. */
    @Bean
    @StepScope
    public CdrLineProcessor cdrProcessor(@Value(FORMAT) String format, @Value(IMPORT_ID) Long importId,
            @Value(NumberPartition.INDEX_VALUE) Integer part, @Value(NumberPartition.COUNT_VALUE) Integer parts,
            CallPricer pricer, PlausibleTimes plausibleTimes, CdrFormatSettings settings,
            VoipGuardProperties properties, JdbcOpenCalls openCalls) {
        CdrFormatParsers parsers = new CdrFormatParsers(settings, properties.defaultCountry(), properties.timeZone(),
                plausibleTimes);
        return new CdrLineProcessor(parsers.parser(CdrFormat.fromOption(format), openCalls.forImport(importId)), pricer,
                NumberPartition.of(part, parts));
    }

    @Bean
    @StepScope
    CdrChunkWriter cdrWriter(CallStore calls, RejectedLines rejects, SpendLedger ledger, ImportCharges charges,
            BillingMonths months, NumberDirectory numbers, ActiveRuleBook rules, AlertSink alertSink,
            StoredCdrState storedCalls,
            @Value(NumberPartition.INDEX_VALUE) Integer part, @Value(NumberPartition.COUNT_VALUE) Integer parts,
            @Value(IMPORT_ID) Long importId, @Value("#{stepExecution.id}") Long chargeBatch,
            @Value(FILE) String file, @Value(ActiveRuleBook.OF_THE_JOB) String ruleSetVersion,
            @Value(BASELINE) boolean baseline) {
        NumberPartition partition = NumberPartition.of(part, parts);
        CdrEvaluator evaluator = new CdrEvaluator(rules.ofJob(ruleSetVersion), months,
                new PriceLimits(numbers, PRICE_LIMITS_REMEMBERED / partition.count()),
                storedCalls.ofNumbers(partition::ownsNumber));
        AlertSink alerts = baseline ? (raised, id) -> { } : alertSink;
        return new CdrChunkWriter(evaluator, calls, rejects, ledger, charges, alerts, importId, chargeBatch,
                Path.of(file).getFileName().toString());
    }

    @Bean
    public Step addSpendStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            AddSpendTasklet addSpendTasklet) {
        return new StepBuilder("addSpend", jobRepository)
                .tasklet(addSpendTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    AddSpendTasklet addSpendTasklet(CallStore calls, SpendLedger ledger, ImportCharges charges,
            @Value(IMPORT_ID) Long importId) {
        return new AddSpendTasklet(calls, ledger, charges, importId);
    }

    @Bean
    public Step cdrReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RejectedLines rejects, ImportedFiles files, VoipGuardProperties properties) {
        return new StepBuilder("report", jobRepository)
                .tasklet(new FileImportReportTasklet(KIND, CdrChunkWriter.STEP, rejects, files, properties, jobRepository),
                        transactionManager)
                .build();
    }
}
