package org.voipguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HeapWatchTest {

    private static final int KEPT_MEGABYTES = 32;

    @Test
    void whatSurvivesACollectionOfTheOldGenerationIsCountedAsKept() throws InterruptedException {
        List<byte[]> kept = new ArrayList<>();
        try (HeapWatch heap = new HeapWatch()) {
            for (int i = 0; i < KEPT_MEGABYTES; i++) {
                kept.add(new byte[1 << 20]);
            }

            System.gc();

            awaitNotified(heap);
            assertThat(heap.peakKept()).isGreaterThanOrEqualTo(KEPT_MEGABYTES << 20);
            assertThat(heap.peakAfterGc()).isGreaterThanOrEqualTo(heap.peakKept());
        }
        assertThat(kept).hasSize(KEPT_MEGABYTES);
    }

    /** The collector notifies on a thread of its own, after the collection. */
    private static void awaitNotified(HeapWatch heap) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (heap.peakKept() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
