package org.voipguard.billing;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.RulesAtJobStartListener;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.rules.ActiveRuleBook;

/**
 * The month-end job (policy P5), one job instance per month: bill every number for the month
 * and set the automatic warning levels (step {@code billNumbers}, a chunk of numbers per
 * transaction), then mark the month closed (step {@code closeMonth}), after which its calls
 * are late charges. A month already closed ends the job at once with exit status
 * {@value #ALREADY_CLOSED} and changes nothing.
 */
@Configuration
public class MonthEndJobConfiguration {

    public static final String JOB_NAME = "monthEnd";
    /** The job parameter naming the month to close, {@code YYYY-MM}. */
    public static final String MONTH = "month";
    public static final String ALREADY_CLOSED = "ALREADY_CLOSED";

    private static final String MONTH_VALUE = "#{jobParameters['month']}";

    @Bean
    public Job monthEndJob(JobRepository jobRepository, Step monthEndBillStep, Step monthEndCloseStep,
            RulesAtJobStartListener rulesAtJobStart, MonthlyBills bills) {
        JobExecutionDecider monthStillOpen = (jobExecution, stepExecution) -> {
            YearMonth month = YearMonth.parse(jobExecution.getJobParameters().getString(MONTH));
            return new FlowExecutionStatus(bills.closedAt(month).isPresent() ? ALREADY_CLOSED : "OPEN");
        };
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new DefaultJobParametersValidator(new String[] {MONTH}, new String[0]))
                .listener(rulesAtJobStart)
                .start(monthStillOpen).on(ALREADY_CLOSED).end(ALREADY_CLOSED)
                .from(monthStillOpen).on("*").to(monthEndBillStep).next(monthEndCloseStep)
                .end()
                .build();
    }

    @Bean
    public Step monthEndBillStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            VoipGuardProperties properties, JdbcCursorItemReader<NumberBill> numbersToBillReader,
            MonthEndBillWriter monthEndBillWriter) {
        return new StepBuilder("billNumbers", jobRepository)
                .<NumberBill, NumberBill>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(numbersToBillReader)
                .writer(monthEndBillWriter)
                .build();
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<NumberBill> numbersToBillReader(DataSource dataSource, @Value(MONTH_VALUE) String month) {
        return new JdbcCursorItemReaderBuilder<NumberBill>()
                .name("numbersToBillReader")
                .dataSource(dataSource)
                .sql(MonthlyBills.NUMBERS_TO_BILL)
                .queryArguments(month, month)
                .rowMapper((rs, row) -> new NumberBill(rs.getString(1), rs.getBigDecimal(2)))
                .build();
    }

    @Bean
    @StepScope
    public MonthEndBillWriter monthEndBillWriter(NumberDirectory numbers, MonthlyBills bills, ActiveRuleBook rules,
            VoipGuardProperties properties, @Value(MONTH_VALUE) String month,
            @Value(ActiveRuleBook.OF_THE_JOB) String ruleSetVersion) {
        return new MonthEndBillWriter(numbers, bills, rules.ofJob(ruleSetVersion), properties.defaults(), month,
                !bills.laterMonthClosed(YearMonth.parse(month)));
    }

    @Bean
    public Step monthEndCloseStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            MonthlyBills bills) {
        return new StepBuilder("closeMonth", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    String month = chunkContext.getStepContext().getStepExecution().getJobParameters().getString(MONTH);
                    bills.close(month, OffsetDateTime.now(ZoneOffset.UTC));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }
}
