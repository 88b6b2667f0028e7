package org.voipguard.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.billing.BillingScenario.ALICE;
import static org.voipguard.billing.BillingScenario.call;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cdr.CdrImporter;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.command.ExitCodes;
import org.voipguard.numbers.NumberSettingsImporter;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

@AlsoOnPostgreSql
@SpringBootTest
@SpringBatchTest
class MonthEndCommandTest {

    private static final YearMonth THIS_MONTH = YearMonth.now(ZoneId.of("Europe/London"));
    private static final YearMonth LAST_MONTH = THIS_MONTH.minusMonths(1);

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JobRepositoryTestUtils jobRepository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NumberSettingsImporter numberImporter;
    @Autowired
    CdrImporter cdrImporter;

    @TempDir
    Path dir;

    private BillingScenario scenario;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void setUp() {
        TestDatabase.clear(jdbc);
        jobRepository.removeJobExecutions();
        scenario = new BillingScenario(dir, numberImporter, cdrImporter, jdbc);
        scenario.givenNumbers();
        scenario.givenCalls(call("last-month", ALICE, LAST_MONTH.atDay(10) + "T12:00:00Z", "30.00"));
    }

    @Test
    void closesThePreviousMonthByDefaultAndSaysWhatItDid() {
        int exitCode = run("month-end");

        assertThat(exitCode).as(err.toString()).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).startsWith("month-end: closed " + LAST_MONTH
                + ": 4 numbers billed, GBP 30.00 in all; 1 automatic warning levels raised, 0 lowered (rules ");
        assertThat(out.toString().lines()).hasSize(1);
        assertThat(scenario.autoLevel(ALICE)).isEqualByComparingTo("36.00");
    }

    @Test
    void theNewLevelShowsOnTheNumbersControlPage() {
        run("month-end", "--month", LAST_MONTH.toString());

        run("numbers", "show", ALICE);

        assertThat(out.toString()).contains("bill warning level   GBP 36.00 (auto)");
    }

    @Test
    void closingAMonthTwiceSaysSoAndChangesNothing() {
        run("month-end", "--month", LAST_MONTH.toString());
        String afterFirstRun = scenario.monthEndState();

        int exitCode = run("month-end", "--month", LAST_MONTH.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).startsWith("month-end: " + LAST_MONTH + " was already closed on ")
                .contains("nothing changed");
        assertThat(scenario.monthEndState()).isEqualTo(afterFirstRun);
    }

    @Test
    void theCurrentMonthCannotBeClosed() {
        int exitCode = run("month-end", "--month", THIS_MONTH.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(err.toString()).contains("cannot close " + THIS_MONTH + ": only a month that is over can be closed");
        assertNothingClosed();
    }

    @Test
    void aFutureMonthCannotBeClosed() {
        assertThat(run("month-end", "--month", THIS_MONTH.plusMonths(1).toString())).isEqualTo(ExitCodes.BAD_USAGE);
        assertNothingClosed();
    }

    @Test
    void aMonthNotWrittenAsYearDashMonthIsABadArgument() {
        assertThat(run("month-end", "--month", "October")).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(err.toString()).contains("--month must be a month as YYYY-MM");
        assertThat(run("month-end", "--month", "2026-13")).isEqualTo(ExitCodes.BAD_USAGE);
        assertNothingClosed();
    }

    private void assertNothingClosed() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM month_close", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_bill", Integer.class)).isZero();
        assertThat(scenario.autoLevel(ALICE)).isNull();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
