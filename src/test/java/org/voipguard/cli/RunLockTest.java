package org.voipguard.cli;

import org.voipguard.command.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.GeneratedInputs;
import org.voipguard.support.TestDatabase;

/** One run that writes at a time: a second one refuses, and nothing is counted twice. */
@AlsoOnPostgreSql
@SpringBootTest
class RunLockTest {

    private static final String BUSY = "another VoIPGuard run is using the database";

    @Autowired
    private RunLock runLock;
    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void givenNumbers() {
        TestDatabase.clear(jdbc);
        assertThat(run(new StringWriter(), new StringWriter(), "numbers", "import",
                GeneratedInputs.numbers(dir.resolve("numbers.csv")).toString())).isZero();
    }

    @Test
    void aSecondLockIsRefusedUntilTheFirstIsReleased() {
        RunLock.Held first = runLock.acquire();

        assertThatThrownBy(runLock::acquire).isInstanceOf(RunLock.BusyException.class).hasMessageContaining(BUSY);
        first.close();
        runLock.acquire().close();
    }

    @Test
    void anImportWhileAnotherRunHoldsTheLockRefusesAndTouchesNothing() {
        Path cdrs = GeneratedInputs.cdrs(dir.resolve("cdrs.csv"), 500);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int refused;
        int showWhileLocked;
        try (RunLock.Held otherRun = runLock.acquire()) {
            refused = run(out, err, "cdrs", "import", cdrs.toString());
            showWhileLocked = run(new StringWriter(), new StringWriter(), "numbers", "show", GeneratedInputs.number(0));
        }

        assertThat(refused).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).startsWith("voipguard: cdrs import: " + BUSY);
        assertThat(out.toString()).isEmpty();
        assertThat(count("cdr")).isZero();
        assertThat(count("imported_file")).isZero();
        assertThat(showWhileLocked).as("numbers show only reads").isZero();

        assertThat(run(new StringWriter(), new StringWriter(), "cdrs", "import", "--no-email", cdrs.toString())).isZero();
        assertThat(count("cdr")).isEqualTo(500);
    }

    @Test
    void twoImportsStartedTogetherCountEachCallOnce() throws Exception {
        Path cdrs = GeneratedInputs.cdrs(dir.resolve("cdrs.csv"), 3000);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    StringWriter err = new StringWriter();
                    start.await();
                    int exit = run(new StringWriter(), err, "cdrs", "import", "--no-email", cdrs.toString());
                    return exit + " " + err;
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> run : runs) {
                outcomes.add(run.get());
            }

            assertThat(outcomes).anyMatch(outcome -> outcome.startsWith("0 "));
            assertThat(outcomes).allMatch(outcome -> outcome.startsWith("0 ") || outcome.startsWith("1 voipguard: cdrs import: " + BUSY));
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("cdr")).isEqualTo(3000);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT alert_key) FROM alert", Long.class)).isEqualTo(count("alert"));
        assertThat(jdbc.queryForObject("SELECT SUM(spend_gbp) FROM monthly_spend", java.math.BigDecimal.class))
                .isEqualByComparingTo(jdbc.queryForObject("SELECT SUM(cost_gbp) FROM cdr", java.math.BigDecimal.class));
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private int run(StringWriter out, StringWriter err, String... args) {
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
