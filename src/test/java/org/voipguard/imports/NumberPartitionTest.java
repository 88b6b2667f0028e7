package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class NumberPartitionTest {

    private static final List<NumberPartition> THREE_PARTS =
            IntStream.range(0, 3).mapToObj(index -> new NumberPartition(index, 3)).toList();

    @Test
    void everyNumberAndEveryLineBelongsToExactlyOnePart() {
        for (int n = 0; n < 1000; n++) {
            String number = "+4416329" + "%05d".formatted(n);
            long line = n;

            assertThat(THREE_PARTS.stream().filter(part -> part.ownsNumber(number))).hasSize(1);
            assertThat(THREE_PARTS.stream().filter(part -> part.ownsLine(line))).hasSize(1);
        }
    }

    @Test
    void theWholeOwnsEverything() {
        assertThat(NumberPartition.WHOLE.ownsNumber("+441632960001")).isTrue();
        assertThat(NumberPartition.WHOLE.ownsLine(7)).isTrue();
        assertThat(NumberPartition.of(null, null)).isEqualTo(NumberPartition.WHOLE);
    }

    @Test
    void aPartOutsideItsCountIsRefused() {
        assertThatThrownBy(() -> new NumberPartition(2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NumberPartition(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePartitionerNamesEachPartAndTellsItWhichItIs() {
        Map<String, ExecutionContext> parts = NumberPartition.partitioner(true).partition(2);

        assertThat(parts).containsOnlyKeys("part0", "part1");
        assertThat(parts.get("part1").getInt("partition.index")).isEqualTo(1);
        assertThat(parts.get("part1").getInt("partition.count")).isEqualTo(2);
        assertThat(NumberPartition.stepName("importCdrsPart", 1)).isEqualTo("importCdrsPart:part1");
    }

    @Test
    void recordsThatDependOnEachOtherAcrossNumbersStayInOnePart() {
        assertThat(NumberPartition.partitioner(false).partition(4)).containsOnlyKeys("part0");
    }
}
