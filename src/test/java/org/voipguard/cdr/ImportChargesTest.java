package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.voipguard.billing.SpendLedger.NumberMonth;

class ImportChargesTest {

    private static final String ALICE = "+441632960001";
    private static final String BOB = "+441632960002";

    @Test
    void anImportStartedAtItsFirstChunkSumsItsChargesPerNumberMonth() {
        ImportCharges charges = new ImportCharges(10);
        charges.beforeStep(newStepExecution(7L));

        charges.add(7L, chargesOf(call(ALICE, "2.50"), call(BOB, "1.00"), call(ALICE, "0.25"), call(BOB, "0.00")));

        assertThat(charges.completeFor(7L)).isTrue();
        assertThat(charges.sums(7L)).hasSize(2);
        assertThat(charges.sums(7L).get(new NumberMonth(ALICE, "2026-10"))).isEqualByComparingTo("2.75");
        assertThat(charges.sums(7L).get(new NumberMonth(BOB, "2026-10"))).isEqualByComparingTo("1.00");
    }

    @Test
    void aRestartedImportKnowsTheSumsOfItsOwnRunOnlyNotThoseOfTheRunBefore() {
        ImportCharges restarted = new ImportCharges(10);
        restarted.beforeStep(newStepExecution(8L));

        restarted.add(8L, chargesOf(call(ALICE, "2.50")));

        assertThat(restarted.completeFor(8L)).isTrue();
        assertThat(restarted.completeFor(7L)).isFalse();
    }

    @Test
    void thePartsOfAnImportSumTheirOwnBatchesSideBySide() throws InterruptedException {
        ImportCharges charges = new ImportCharges(10);
        charges.beforeStep(newStepExecution(7L));
        charges.beforeStep(newStepExecution(8L));

        Thread alicePart = new Thread(() -> charges.add(7L, chargesOf(call(ALICE, "2.50"))));
        Thread bobPart = new Thread(() -> charges.add(8L, chargesOf(call(BOB, "1.00"))));
        alicePart.start();
        bobPart.start();
        alicePart.join();
        bobPart.join();

        assertThat(charges.completeFor(7L)).isTrue();
        assertThat(charges.completeFor(8L)).isTrue();
        assertThat(charges.sums(7L)).containsOnlyKeys(new NumberMonth(ALICE, "2026-10"));
        assertThat(charges.sums(8L)).containsOnlyKeys(new NumberMonth(BOB, "2026-10"));
    }

    @Test
    void anImportWhoseStepDidNotRunInThisProcessKnowsNoSums() {
        assertThat(new ImportCharges(10).completeFor(7L)).isFalse();
    }

    @Test
    void moreNumberMonthsThanItMayKeepMakeTheSumsIncompleteAndFreeTheirMemory() {
        ImportCharges charges = new ImportCharges(1);
        charges.beforeStep(newStepExecution(7L));

        charges.add(7L, chargesOf(call(ALICE, "2.50"), call(BOB, "1.00")));

        assertThat(charges.completeFor(7L)).isFalse();
        assertThat(charges.sums(7L)).isEmpty();
    }

    private static StepExecution newStepExecution(long id) {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "cdrImport"), new JobParameters());
        return new StepExecution(id, "importCdrs", job);
    }

    /** The charges of a chunk that stored these calls, as the import's writer passes them on. */
    private static Map<NumberMonth, BigDecimal> chargesOf(StoredCall... calls) {
        return new CdrEvaluator.ChunkResult(List.of(), List.of(calls), 0, Map.of(), List.of()).charges();
    }

    private static StoredCall call(String number, String costGbp) {
        CdrRecord record = new CdrRecord("call-" + number + costGbp, number, CdrRecord.Direction.IN,
                OffsetDateTime.parse("2026-10-05T10:00:00Z"), 60, "+441632960999", null, new BigDecimal(costGbp), 200);
        return new StoredCall(new CdrOutcome.Call(2, record, null), "2026-10", false);
    }
}
