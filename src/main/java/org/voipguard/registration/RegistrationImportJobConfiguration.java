package org.voipguard.registration;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.voipguard.blocklist.AddressBans;
import org.voipguard.blocklist.AllowlistFile;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.db.FreshStatistics;
import org.voipguard.imports.FileImportReportTasklet;
import org.voipguard.imports.ImportJobParameters;
import org.voipguard.imports.ImportProgressListener;
import org.voipguard.imports.ImportedFiles;
import org.voipguard.imports.LineLengthCap;
import org.voipguard.imports.NumberPartition;
import org.voipguard.imports.PartThreads;
import org.voipguard.imports.RejectedLines;
import org.voipguard.imports.RulesAtJobStartListener;
import org.voipguard.imports.UnfinishedRecordTolerantReader;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.rules.ActiveRuleBook;
import org.voipguard.rules.AlertSink;

/**
 * The registration import job, run once per file: load the log's REGISTERs (rejecting bad
 * lines), then evaluate the lockdown (P2) and new IP / User-Agent (P4) policies over the new
 * events, each number's events in time order, then register the phones of the accepted
 * events, then report. The load and the evaluation run in {@code voipguard.import-parts}
 * parts side by side.
 */
@Configuration
public class RegistrationImportJobConfiguration {

    public static final String JOB_NAME = "registrationImport";
    static final String KIND = "REGISTRATION";
    static final String EVALUATE_STEP = "evaluateRegistrations";
    static final String EVALUATE_PART_STEP = NumberPartition.partStepOf(EVALUATE_STEP);

    private static final String IMPORT_ID = ImportJobParameters.IMPORT_ID;
    private static final String FILE = ImportJobParameters.FILE_VALUE;
    private static final String FORMAT = "#{jobParameters['format']}";
    private static final String BASELINE = "#{jobParameters['baseline']}";

    @Bean
    public Job registrationImportJob(JobRepository jobRepository, Step loadRegistrationsStep,
            Step evaluateRegistrationsStep, Step registerPhonesStep, Step registrationReportStep,
            RulesAtJobStartListener rulesAtJobStart) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(rulesAtJobStart)
                .start(loadRegistrationsStep)
                .next(evaluateRegistrationsStep)
                .next(registerPhonesStep)
                .next(registrationReportStep)
                .build();
    }

    /**
     * Loads the log in {@code voipguard.import-parts} parts side by side, one thread each: every
     * part reads the whole log and stores its own lines (see {@link RegistrationLineProcessor}).
     */
    @Bean
    public Step loadRegistrationsStep(JobRepository jobRepository, VoipGuardProperties properties,
            Step loadRegistrationsPartStep) {
        return new StepBuilder(RegistrationLoadWriter.STEP, jobRepository)
                .partitioner(RegistrationLoadWriter.PART_STEP, NumberPartition.partitioner(true))
                .step(loadRegistrationsPartStep)
                .gridSize(properties.importParts())
                .taskExecutor(PartThreads.named("load-registrations"))
                .build();
    }

    @Bean
    public Step loadRegistrationsPartStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            VoipGuardProperties properties, ItemStreamReader<RegistrationLine> registrationReader,
            RegistrationLineProcessor registrationProcessor, RegistrationLoadWriter registrationLoadWriter) {
        return new StepBuilder(RegistrationLoadWriter.PART_STEP, jobRepository)
                .<RegistrationLine, RegistrationLineOutcome>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(registrationReader)
                .processor(registrationProcessor)
                .writer(registrationLoadWriter)
                .listener(new ImportProgressListener("registrations"))
                .build();
    }

    @Bean
    @StepScope
    public UnfinishedRecordTolerantReader<RegistrationLine> registrationReader(@Value(FILE) String file, @Value(FORMAT) String format,
            VoipGuardProperties properties) {
        return RegistrationFiles.reader(Path.of(file), LogFormat.fromOption(format), LineLengthCap.of(properties));
    }

    @Bean
    @StepScope
    public RegistrationLineProcessor registrationProcessor(@Value(FORMAT) String format, RegistrationParsers parsers,
            @Value(NumberPartition.INDEX_VALUE) Integer part, @Value(NumberPartition.COUNT_VALUE) Integer parts) {
        return new RegistrationLineProcessor(parsers.forFormat(LogFormat.fromOption(format)),
                NumberPartition.of(part, parts));
    }

    @Bean
    @StepScope
    RegistrationLoadWriter registrationLoadWriter(RegistrationEventStore events, RejectedLines rejects,
            @Value(IMPORT_ID) Long importId, @Value(FILE) String file) {
        return new RegistrationLoadWriter(events, rejects, importId, Path.of(file).getFileName().toString());
    }

    /**
     * Evaluates the loaded events in {@code voipguard.import-parts} parts side by side, one thread
     * each: a number's events in the part of the number, an address's abuse windows in the part
     * of the address (see {@link RegistrationEvaluationWriter}).
     */
    @Bean
    public Step evaluateRegistrationsStep(JobRepository jobRepository, VoipGuardProperties properties,
            Step evaluateRegistrationsPartStep, FreshStatistics freshStatistics) {
        return new StepBuilder(EVALUATE_STEP, jobRepository)
                .listener(freshStatistics)
                .partitioner(EVALUATE_PART_STEP, NumberPartition.partitioner(true))
                .step(evaluateRegistrationsPartStep)
                .gridSize(properties.importParts())
                .taskExecutor(PartThreads.named("evaluate-registrations"))
                .build();
    }

    @Bean
    public Step evaluateRegistrationsPartStep(JobRepository jobRepository,
            PlatformTransactionManager transactionManager, VoipGuardProperties properties,
            JdbcCursorItemReader<StoredRegistration> pendingRegistrationReader,
            RegistrationEvaluationWriter registrationEvaluationWriter, FreshStatistics freshStatistics) {
        return new StepBuilder(EVALUATE_PART_STEP, jobRepository)
                .<StoredRegistration, StoredRegistration>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(pendingRegistrationReader)
                .writer(registrationEvaluationWriter)
                .listener(freshStatistics.afterEachChunk())
                .build();
    }

    /**
     * Reads the import's events not evaluated yet in time order, which keeps each number's
     * events in time order, along the index (import_id, event_time, id): a time-ordered
     * log is read and its outcomes written in the order it was stored, which H2 does far faster
     * than in number order (the ORDER BY names import_id too, or H2 sorts instead of
     * following the index). An event's outcome is stored in the transaction that evaluates it,
     * so after a crash the query itself is the restart point and the reader keeps no position.
     *
     * <p>A part of an import run in parts reads every event of the import, since it counts its
     * addresses' windows over the events of other parts' numbers too, whose outcomes it does not
     * store. Its restart point is the number of events it had read, kept in its step's context
     * and committed with each chunk: the order is total, and the import's events do not change
     * once loaded.
     */
    @Bean
    @StepScope
    public JdbcCursorItemReader<StoredRegistration> pendingRegistrationReader(DataSource dataSource,
            VoipGuardProperties properties, @Value(IMPORT_ID) Long importId,
            @Value(NumberPartition.INDEX_VALUE) Integer part, @Value(NumberPartition.COUNT_VALUE) Integer parts) {
        boolean whole = NumberPartition.of(part, parts).count() == 1;
        String notEvaluated = whole
                ? "AND NOT EXISTS (SELECT 1 FROM registration_outcome o WHERE o.event_id = e.id) " : "";
        return new JdbcCursorItemReaderBuilder<StoredRegistration>()
                .name("pendingRegistrationReader")
                .dataSource(dataSource)
                // PostgreSQL streams a result set only outside auto-commit, a fetch at a time
                .connectionAutoCommit(false)
                .fetchSize(properties.chunkSize())
                .saveState(!whole)
                .sql("SELECT " + StoredRegistration.COLUMNS + " FROM registration_event e WHERE import_id = ? "
                        + notEvaluated + "ORDER BY import_id, event_time, id")
                .queryArguments(importId)
                .rowMapper(StoredRegistration::fromRow)
                .build();
    }

    @Bean
    @StepScope
    public RegistrationEvaluationWriter registrationEvaluationWriter(NumberDirectory numbers,
            RegistrationStateStore store, AbuseWindowStore windows, AddressBans bans, AllowlistFile allowlist,
            ActiveRuleBook rules, AlertSink alertSink, @Value(IMPORT_ID) Long importId,
            @Value(ActiveRuleBook.OF_THE_JOB) String ruleSetVersion, @Value(BASELINE) String baseline,
            @Value(NumberPartition.INDEX_VALUE) Integer part, @Value(NumberPartition.COUNT_VALUE) Integer parts) {
        return new RegistrationEvaluationWriter(numbers, store, windows, bans, rules.ofJob(ruleSetVersion),
                allowlist.read(), alertSink, importId, Boolean.parseBoolean(baseline), NumberPartition.of(part, parts));
    }

    @Bean
    public Step registerPhonesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet registerPhonesTasklet) {
        return new StepBuilder("registerPhones", jobRepository)
                .tasklet(registerPhonesTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public Tasklet registerPhonesTasklet(RegisteredPhones phones, @Value(IMPORT_ID) Long importId) {
        return (contribution, chunkContext) -> {
            phones.registerFrom(importId);
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    public Step registrationReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RejectedLines rejects, ImportedFiles files, VoipGuardProperties properties) {
        return new StepBuilder("report", jobRepository)
                .tasklet(new FileImportReportTasklet(KIND, RegistrationLoadWriter.STEP, rejects, files, properties,
                        jobRepository), transactionManager)
                .build();
    }
}
