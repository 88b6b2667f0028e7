package org.voipguard.cdr;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.voipguard.billing.BillWarningWriter;
import org.voipguard.billing.BillingMonths;
import org.voipguard.billing.CallPricer;
import org.voipguard.billing.SpendLedger;
import org.voipguard.billing.SpendRow;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.FileImportReportTasklet;
import org.voipguard.imports.ImportJobParameters;
import org.voipguard.imports.ImportProgressListener;
import org.voipguard.imports.ImportedFiles;
import org.voipguard.imports.LineLengthCap;
import org.voipguard.imports.PlausibleTimes;
import org.voipguard.imports.RejectedLines;
import org.voipguard.imports.RulesAtJobStartListener;
import org.voipguard.imports.UnfinishedRecordTolerantReader;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.rules.ActiveRuleBook;
import org.voipguard.rules.AlertSink;

/**
 * The CDR import job, run once per file: read and rate the calls (P1), add their charges to
 * the monthly spend, then warn about bills that crossed a level (P3), then report rejected lines. The job instance is the file, so an
 * interrupted import is restarted where it stopped and a finished one is never run again.
 */
@Configuration
public class CdrImportJobConfiguration {

    public static final String JOB_NAME = "cdrImport";
    static final String KIND = "CDR";

    private static final String IMPORT_ID = ImportJobParameters.IMPORT_ID;
    private static final String FILE = ImportJobParameters.FILE_VALUE;

    @Bean
    public Job cdrImportJob(JobRepository jobRepository, Step importCdrsStep, Step addSpendStep,
            Step cdrBillWarningsStep, Step cdrReportStep, RulesAtJobStartListener rulesAtJobStart) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(rulesAtJobStart)
                .start(importCdrsStep)
                .next(addSpendStep)
                .next(cdrBillWarningsStep)
                .next(cdrReportStep)
                .build();
    }

    @Bean
    public Step importCdrsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            VoipGuardProperties properties, ItemStreamReader<CdrLine> cdrReader, CdrLineProcessor cdrProcessor,
            CdrChunkWriter cdrWriter, ImportCharges importCharges) {
        return new StepBuilder(CdrChunkWriter.STEP, jobRepository)
                .<CdrLine, CdrOutcome>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(cdrReader)
                .processor(cdrProcessor)
                .writer(cdrWriter)
                .listener(new ImportProgressListener("cdrs"))
                .listener(importCharges)
                .build();
    }

    /** About 200 bytes each: a bound of some 40 MB of heap. */
    @Bean
    @JobScope
    ImportCharges importCharges() {
        return new ImportCharges(200_000);
    }

    @Bean
    @StepScope
    public UnfinishedRecordTolerantReader<CdrLine> cdrReader(@Value(FILE) String file, VoipGuardProperties properties) {
        return CdrFiles.reader(Path.of(file), LineLengthCap.of(properties));
    }

    @Bean
    public CdrLineProcessor cdrProcessor(CallPricer pricer, PlausibleTimes plausibleTimes) {
        return new CdrLineProcessor(pricer, plausibleTimes);
    }

    @Bean
    @StepScope
    public CdrChunkWriter cdrWriter(CallStore calls, RejectedLines rejects, SpendLedger ledger, ImportCharges charges,
            BillingMonths months, NumberDirectory numbers, ActiveRuleBook rules, AlertSink alertSink,
            @Value(IMPORT_ID) Long importId, @Value(FILE) String file) {
        return new CdrChunkWriter(calls, rejects, ledger, charges, months, numbers, rules.current(), alertSink,
                importId, Path.of(file).getFileName().toString());
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
    AddSpendTasklet addSpendTasklet(SpendLedger ledger, ImportCharges charges, @Value(IMPORT_ID) Long importId) {
        return new AddSpendTasklet(ledger, charges, importId);
    }

    @Bean
    public Step cdrBillWarningsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            VoipGuardProperties properties, JdbcCursorItemReader<SpendRow> touchedSpendReader,
            BillWarningWriter billWarningWriter) {
        return new StepBuilder("billWarnings", jobRepository)
                .<SpendRow, SpendRow>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(touchedSpendReader)
                .writer(billWarningWriter)
                .build();
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<SpendRow> touchedSpendReader(DataSource dataSource, @Value(IMPORT_ID) Long importId) {
        return new JdbcCursorItemReaderBuilder<SpendRow>()
                .name("touchedSpendReader")
                .dataSource(dataSource)
                .sql("SELECT number, billing_month, spend_gbp, warned_multiple FROM monthly_spend "
                        + "WHERE last_job_execution_id = ? ORDER BY number, billing_month")
                .queryArguments(importId)
                .rowMapper((rs, row) -> new SpendRow(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getInt(4)))
                .build();
    }

    @Bean
    @StepScope
    public BillWarningWriter billWarningWriter(NumberDirectory numbers, SpendLedger ledger, ActiveRuleBook rules,
            AlertSink alertSink, @Value(IMPORT_ID) Long importId) {
        return new BillWarningWriter(numbers, ledger, rules.current(), alertSink, importId);
    }

    @Bean
    public Step cdrReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RejectedLines rejects, ImportedFiles files, VoipGuardProperties properties) {
        return new StepBuilder("report", jobRepository)
                .tasklet(new FileImportReportTasklet(KIND, rejects, files, properties), transactionManager)
                .build();
    }
}
