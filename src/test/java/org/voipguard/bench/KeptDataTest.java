package org.voipguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeptDataTest {

    private final KeptData kept = new KeptData();

    @Test
    void aSeriesOfMixedCollectionsKeepsWhatItsLastOneLeaves() {
        mixed(400, 330, 260);
        mixed(320, 290, 270);

        assertThat(kept.peak()).isEqualTo(270);
    }

    @Test
    void aSeriesStillRunningWhenThePhaseEndsCountsAsEnded() {
        mixed(400, 250);
        mixed(380);

        assertThat(kept.peak()).isEqualTo(380);
    }

    @Test
    void aFullCollectionEndsTheSeriesRunningAndKeepsExactlyWhatItLeaves() {
        mixed(400, 300);
        kept.afterFullCollection(120);

        assertThat(kept.peak()).isEqualTo(300);

        kept.afterFullCollection(310);

        assertThat(kept.peak()).isEqualTo(310);
    }

    @Test
    void noCollectionOfTheOldGenerationKeepsNothing() {
        assertThat(kept.peak()).isZero();
    }

    private void mixed(long... oldSizes) {
        for (long old : oldSizes) {
            kept.afterMixedCollection(old);
        }
    }
}
