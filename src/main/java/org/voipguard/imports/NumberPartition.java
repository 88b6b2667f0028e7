package org.voipguard.imports;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One of the parts an import's records are shared out in, so that the parts run side by side on
 * the machine's cores: a record belongs to one part by its customer number, so every record of
 * a number is handled by the same part and in the order of the file. A line that is rejected
 * before its number is known belongs to a part by its line number. Every part reads the whole
 * file and passes over the records of the others.
 *
 * @param index which part, from 0
 * @param count how many parts the import has
 */
public record NumberPartition(int index, int count) {

    /** Everything: an import run in one part. */
    public static final NumberPartition WHOLE = new NumberPartition(0, 1);

    /** The key Spring Batch keeps a partitioned step's number of parts under, in that step's context. */
    private static final String GRID_SIZE = SimpleStepExecutionSplitter.class.getSimpleName() + ".GRID_SIZE";

    private static final String INDEX = "partition.index";
    private static final String COUNT = "partition.count";

    /** The step execution context expressions a step-scoped bean reads its part from. */
    public static final String INDEX_VALUE = "#{stepExecutionContext['" + INDEX + "']}";
    public static final String COUNT_VALUE = "#{stepExecutionContext['" + COUNT + "']}";

    public NumberPartition {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("no part " + index + " of " + count);
        }
    }

    /** The part a step execution was given; a step that was never partitioned has everything. */
    public static NumberPartition of(Integer index, Integer count) {
        return index == null || count == null ? WHOLE : new NumberPartition(index, count);
    }

    public boolean ownsNumber(String number) {
        return count == 1 || Math.floorMod(number.hashCode(), count) == index;
    }

    /** A check that counts by source address belongs to a part by the address, as a number's policies by the number. */
    public boolean ownsAddress(String address) {
        return ownsNumber(address);
    }

    public boolean ownsLine(long lineNumber) {
        return count == 1 || Math.floorMod(lineNumber, count) == index;
    }

    /** The name of the step each part of {@code step} runs: {@code importCdrs} runs {@code importCdrsPart}. */
    public static String partStepOf(String step) {
        return step + "Part";
    }

    /** Whether a step execution with this context ran its work in parts, rather than doing it itself. */
    public static boolean ranInParts(ExecutionContext stepContext) {
        return stepContext.containsKey(GRID_SIZE);
    }

    /** The name Spring Batch gives the runs of one part of a partitioned step. */
    public static String stepName(String partStep, int index) {
        return partStep + ":" + partName(index);
    }

    private static String partName(int index) {
        return "part" + index;
    }

    /**
     * Shares an import out in {@code gridSize} parts, or in one whatever the grid size when
     * {@code divisible} is false (a format whose records depend on each other across numbers).
     * A restarted import keeps the grid size it started with (Spring Batch keeps it), so each part
     * goes on with the same records.
     */
    public static Partitioner partitioner(boolean divisible) {
        return gridSize -> {
            int count = divisible ? Math.max(1, gridSize) : 1;
            Map<String, ExecutionContext> parts = new LinkedHashMap<>();
            for (int index = 0; index < count; index++) {
                ExecutionContext context = new ExecutionContext();
                context.putInt(INDEX, index);
                context.putInt(COUNT, count);
                parts.put(partName(index), context);
            }
            return parts;
        };
    }
}
