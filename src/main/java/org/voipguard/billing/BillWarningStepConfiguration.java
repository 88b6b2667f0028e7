package org.voipguard.billing;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.ImportJobParameters;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.rules.ActiveRuleBook;
import org.voipguard.rules.AlertSink;

/**
 * The bill-warning step (P3) of an import job: once the import's charges are in the monthly
 * spend, every number-month it touched is read back and warned about in chunks. A baseline
 * import remembers the multiples reached, as if it had warned, and keeps no alert: the next
 * import warns only about what is new.
 */
@Configuration
public class BillWarningStepConfiguration {

    @Bean
    public Step billWarningsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
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
    JdbcCursorItemReader<SpendRow> touchedSpendReader(DataSource dataSource, VoipGuardProperties properties,
            @Value(ImportJobParameters.IMPORT_ID) Long importId) {
        return new JdbcCursorItemReaderBuilder<SpendRow>()
                .name("touchedSpendReader")
                .dataSource(dataSource)
                // PostgreSQL streams a result set only outside auto-commit, a fetch at a time
                .connectionAutoCommit(false)
                .fetchSize(properties.chunkSize())
                .sql("SELECT number, billing_month, spend_gbp, warned_multiple FROM monthly_spend "
                        + "WHERE last_import_id = ? ORDER BY number, billing_month")
                .queryArguments(importId)
                .rowMapper((rs, row) -> new SpendRow(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getInt(4)))
                .build();
    }

    @Bean
    @StepScope
    BillWarningWriter billWarningWriter(NumberDirectory numbers, SpendLedger ledger, ActiveRuleBook rules,
            AlertSink alertSink, @Value(ImportJobParameters.IMPORT_ID) Long importId,
            @Value(ActiveRuleBook.OF_THE_JOB) String ruleSetVersion,
            @Value(ImportJobParameters.BASELINE_VALUE) boolean baseline) {
        AlertSink alerts = baseline ? (raised, id) -> { } : alertSink;
        return new BillWarningWriter(numbers, ledger, new BillWarnings(rules.ofJob(ruleSetVersion)), alerts,
                importId);
    }
}
