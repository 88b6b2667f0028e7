package org.voipguard.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.billing.BillingScenario.ALICE;
import static org.voipguard.billing.BillingScenario.BOB;
import static org.voipguard.billing.BillingScenario.CAROL;
import static org.voipguard.billing.BillingScenario.DAVE;
import static org.voipguard.billing.BillingScenario.call;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cdr.CdrImporter;
import org.voipguard.imports.FileImportResult;
import org.voipguard.numbers.NumberSettingsImporter;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

@AlsoOnPostgreSql
@SpringBootTest
@SpringBatchTest
class MonthEndJobTest {

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    @Qualifier("monthEndJob")
    Job monthEndJob;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NumberSettingsImporter numberImporter;
    @Autowired
    CdrImporter cdrImporter;

    @TempDir
    Path dir;

    private BillingScenario scenario;

    @BeforeEach
    void setUp() {
        TestDatabase.clear(jdbc);
        jobs.setJob(monthEndJob);
        scenario = new BillingScenario(dir, numberImporter, cdrImporter, jdbc);
        scenario.givenNumbers();
    }

    @Test
    void eachAutomaticLevelBecomesTheFactorTimesTheBillButNeverLessThanTheDefault() throws Exception {
        jdbc.update("UPDATE number_settings SET auto_warning_level_gbp = 50.00 WHERE number = ?", DAVE);
        scenario.givenCalls(
                call("a-1", ALICE, "2026-10-05T10:00:00+01:00", "20.00"),
                call("a-2", ALICE, "2026-10-20T10:00:00+01:00", "10.00"),
                call("b-1", BOB, "2026-10-06T10:00:00+01:00", "5.00"),
                call("c-1", CAROL, "2026-10-07T10:00:00+01:00", "50.00"));

        JobExecution execution = close("2026-10").execution();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(scenario.autoLevel(ALICE)).isEqualByComparingTo("36.00");
        assertThat(scenario.autoLevel(BOB)).isEqualByComparingTo("10.00");
        assertThat(scenario.autoLevel(DAVE)).as("no spend: back to the default").isEqualByComparingTo("10.00");
        assertThat(scenario.customerLevel(CAROL)).isEqualByComparingTo("25.00");
        assertThat(scenario.autoLevel(CAROL)).isNull();
        assertThat(scenario.bill(ALICE, "2026-10")).isEqualByComparingTo("30.00");
        assertThat(scenario.bill(BOB, "2026-10")).isEqualByComparingTo("5.00");
        assertThat(scenario.bill(CAROL, "2026-10")).isEqualByComparingTo("50.00");
        assertThat(scenario.bill(DAVE, "2026-10")).isEqualByComparingTo("0");
        assertThat(scenario.billLevel(CAROL, "2026-10")).isEqualByComparingTo("25.00");
        assertThat(jdbc.queryForList("SELECT billing_month FROM month_close", String.class)).containsExactly("2026-10");
    }

    @Test
    void aSecondRunForTheSameMonthChangesNothing() throws Exception {
        scenario.givenCalls(call("a-1", ALICE, "2026-10-05T10:00:00+01:00", "30.00"));
        close("2026-10");
        String afterFirstRun = scenario.monthEndState();

        JobExecution second = close("2026-10").execution();

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getExitStatus().getExitCode()).isEqualTo(MonthEndJobConfiguration.ALREADY_CLOSED);
        assertThat(second.getStepExecutions()).extracting(StepExecution::getStepName).isEmpty();
        assertThat(scenario.monthEndState()).isEqualTo(afterFirstRun);
    }

    @Test
    void monthsAreCalendarMonthsInLondonTimeAcrossTheClockChanges() throws Exception {
        scenario.givenCalls(
                call("mar-last", ALICE, "2026-03-31T22:59:00Z", "2.00"),   // 23:59 BST, 31 March
                call("apr-first", ALICE, "2026-03-31T23:30:00Z", "7.00"),  // 00:30 BST, 1 April
                call("oct-last", ALICE, "2026-10-31T23:59:00Z", "3.00"),   // 23:59 GMT, 31 October
                call("nov-first", ALICE, "2026-11-01T00:00:00Z", "4.00")); // 00:00 GMT, 1 November

        assertThat(jdbc.queryForList("SELECT call_id || ' ' || billing_month FROM cdr ORDER BY start_time", String.class))
                .containsExactly("mar-last 2026-03", "apr-first 2026-04", "oct-last 2026-10", "nov-first 2026-11");
        assertThat(scenario.spend(ALICE, "2026-03")).isEqualByComparingTo("2.00");
        assertThat(scenario.spend(ALICE, "2026-04")).isEqualByComparingTo("7.00");

        close("2026-03");
        close("2026-10");

        assertThat(scenario.bill(ALICE, "2026-03")).isEqualByComparingTo("2.00");
        assertThat(scenario.bill(ALICE, "2026-10")).isEqualByComparingTo("3.00");
        assertThat(scenario.spend(ALICE, "2026-11")).isEqualByComparingTo("4.00");
    }

    @Test
    void aDecemberCallImportedBeforeNovemberIsClosedCountsForDecember() throws Exception {
        FileImportResult imported = scenario.givenCalls(
                call("nov", ALICE, "2025-11-20T10:00:00Z", "10.00"),
                call("dec", ALICE, "2025-12-02T10:00:00Z", "20.00"));

        close("2025-11");

        assertThat(imported.lateCharges()).isZero();
        assertThat(scenario.bill(ALICE, "2025-11")).isEqualByComparingTo("10.00");
        assertThat(scenario.spend(ALICE, "2025-12")).isEqualByComparingTo("20.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_bill WHERE billing_month = '2025-12'", Integer.class))
                .isZero();

        close("2025-12");

        assertThat(scenario.bill(ALICE, "2025-12")).isEqualByComparingTo("20.00");
        assertThat(scenario.autoLevel(ALICE)).isEqualByComparingTo("24.00");
    }

    @Test
    void closingAnEarlierMonthAfterALaterOneRecordsItsBillsButLeavesTheLevels() throws Exception {
        scenario.givenCalls(
                call("sep", ALICE, "2026-09-10T10:00:00+01:00", "100.00"),
                call("oct", ALICE, "2026-10-10T10:00:00+01:00", "30.00"));
        close("2026-10");

        close("2026-09");

        assertThat(scenario.bill(ALICE, "2026-09")).isEqualByComparingTo("100.00");
        assertThat(scenario.autoLevel(ALICE)).isEqualByComparingTo("36.00");
    }

    @Test
    void aLateCallIsAddedToItsClosedMonthsBillAndWarnsNobody() throws Exception {
        scenario.givenCalls(call("oct-1", ALICE, "2026-10-10T10:00:00+01:00", "30.00"));
        assertThat(scenario.billWarnings(ALICE, "2026-10")).containsExactly("BILL_WARNING:" + ALICE + ":2026-10:3");
        close("2026-10");

        FileImportResult late = scenario.givenCalls(
                call("oct-2", ALICE, "2026-10-31T20:00:00Z", "15.00"),
                call("oct-stranger", "+441632960099", "2026-10-31T21:00:00Z", "2.50"));

        assertThat(late.lateCharges()).isEqualTo(2);
        assertThat(late.alerts()).isZero();
        assertThat(scenario.bill(ALICE, "2026-10")).isEqualByComparingTo("45.00");
        assertThat(jdbc.queryForObject("SELECT late_charges_gbp FROM monthly_spend WHERE number = ? AND billing_month = ?",
                java.math.BigDecimal.class, ALICE, "2026-10")).isEqualByComparingTo("15.00");
        assertThat(scenario.billWarnings(ALICE, "2026-10")).containsExactly("BILL_WARNING:" + ALICE + ":2026-10:3");
        assertThat(scenario.bill("+441632960099", "2026-10")).isEqualByComparingTo("2.50");
        assertThat(scenario.billLevel("+441632960099", "2026-10")).isEqualByComparingTo("10.00");
        assertThat(scenario.autoLevel(ALICE)).as("late charges do not move the level").isEqualByComparingTo("36.00");
    }

    @Test
    void afterMonthEndNovemberWarningsFollowTheNewLevel() throws Exception {
        scenario.givenCalls(call("oct", ALICE, "2026-10-10T10:00:00+01:00", "30.00"));
        close("2026-10");

        scenario.givenCalls(call("nov-1", ALICE, "2026-11-03T10:00:00Z", "35.00"));

        assertThat(scenario.billWarnings(ALICE, "2026-11")).as("35.00 is below the new level of 36.00").isEmpty();

        scenario.givenCalls(call("nov-2", ALICE, "2026-11-04T10:00:00Z", "1.00"));

        assertThat(scenario.billWarnings(ALICE, "2026-11")).containsExactly("BILL_WARNING:" + ALICE + ":2026-11:1");
        assertThat(jdbc.queryForObject("SELECT facts FROM alert WHERE alert_key = ?", String.class,
                "BILL_WARNING:" + ALICE + ":2026-11:1")).contains("\"level_reached_gbp\":\"36.00\"");
    }

    /**
     * Runs the job as a new instance each time, as a repeated run after lost job history would.
     * (A test method returning a JobExecution would be taken for a job-scope factory.)
     */
    private Run close(String month) throws Exception {
        return new Run(jobs.startJob(jobs.getUniqueJobParametersBuilder()
                .addString(MonthEndJobConfiguration.MONTH, month).toJobParameters()));
    }

    private record Run(JobExecution execution) {
    }
}
