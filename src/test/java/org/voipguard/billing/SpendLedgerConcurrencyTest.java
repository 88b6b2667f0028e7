package org.voipguard.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.voipguard.billing.SpendLedger.NumberMonth;
import org.voipguard.db.DatabaseProduct;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/**
 * Writers adding to the same number's month at once, each in its own transactions, lose
 * nothing. Runs on PostgreSQL only: H2 is embedded and written by one import at a time.
 */
@AlsoOnPostgreSql
@SpringBootTest
class SpendLedgerConcurrencyTest {

    private static final int WRITERS = 4;
    private static final int ADDS_PER_WRITER = 250;
    private static final int ADDS_PER_WRITER_OF_TWO_MONTHS = 100;
    private static final BigDecimal PENNY = new BigDecimal("0.01");
    private static final NumberMonth ALICE_MARCH = new NumberMonth("+441632960001", "2025-03");
    private static final NumberMonth BOB_MARCH = new NumberMonth("+441632960002", "2025-03");

    @Autowired
    private SpendLedger ledger;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);

    @BeforeEach
    void emptyPostgreSqlDatabase() {
        assumeThat(DatabaseProduct.of(jdbc.getDataSource())).as("concurrent writers are a PostgreSQL matter")
                .isEqualTo(DatabaseProduct.POSTGRESQL);
        TestDatabase.clear(jdbc);
    }

    @AfterEach
    void stopWriters() throws InterruptedException {
        writers.shutdownNow();
        writers.awaitTermination(1, TimeUnit.MINUTES);
    }

    @Test
    void concurrentWritersAddingToTheSameMonthLoseNoUpdate() throws Exception {
        // given four imports, each with four calls of a penny to Alice in March
        runWriters(ADDS_PER_WRITER, writer -> List.of(ALICE_MARCH, ALICE_MARCH, ALICE_MARCH, ALICE_MARCH));

        assertThat(spend(ALICE_MARCH)).isEqualByComparingTo("40.00");
    }

    @Test
    void writersTouchingTheSameMonthsInOppositeOrderNeitherDeadlockNorLoseUpdates() throws Exception {
        // given imports whose calls were stored Alice first or Bob first
        runWriters(ADDS_PER_WRITER_OF_TWO_MONTHS,
                writer -> writer % 2 == 0 ? List.of(ALICE_MARCH, BOB_MARCH) : List.of(BOB_MARCH, ALICE_MARCH));

        assertThat(spend(ALICE_MARCH)).isEqualByComparingTo("4.00");
        assertThat(spend(BOB_MARCH)).isEqualByComparingTo("4.00");
    }

    private interface Calls {
        /** The number-month of each penny call the writer's import stored, in the order stored. */
        List<NumberMonth> of(int writer);
    }

    /**
     * Every writer adds its import's charges to the spend {@code adds} times,
     * one transaction each, all writers starting together.
     */
    private void runWriters(int adds, Calls calls) throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CyclicBarrier start = new CyclicBarrier(WRITERS);
        List<Future<Void>> running = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            long importId = writer + 1;
            Map<NumberMonth, BigDecimal> charges = pennyCharges(calls.of(writer));
            Callable<Void> addAll = () -> {
                start.await(30, TimeUnit.SECONDS);
                for (int i = 0; i < adds; i++) {
                    transaction.executeWithoutResult(status -> ledger.add(charges, importId));
                }
                return null;
            };
            running.add(writers.submit(addAll));
        }
        for (Future<Void> writer : running) {
            writer.get(5, TimeUnit.MINUTES);
        }
    }

    /** The charges of penny calls, summed per number-month in the order stored, as an import sums them. */
    private static Map<NumberMonth, BigDecimal> pennyCharges(List<NumberMonth> months) {
        Map<NumberMonth, BigDecimal> charges = new LinkedHashMap<>();
        months.forEach(month -> charges.merge(month, PENNY, BigDecimal::add));
        return charges;
    }

    private BigDecimal spend(NumberMonth month) {
        return jdbc.queryForObject("SELECT spend_gbp FROM monthly_spend WHERE number = ? AND billing_month = ?",
                BigDecimal.class, month.number(), month.month());
    }
}
