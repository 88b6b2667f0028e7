package org.voipguard.numbers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A number directory that records what was asked of it: which numbers were read, how often all were. */
final class ReadCountingDirectory implements NumberDirectory {

    private final NumberDirectory directory;
    private final List<String> read = new ArrayList<>();
    private int passes;
    private int counted;

    ReadCountingDirectory(NumberDirectory directory) {
        this.directory = directory;
    }

    /** The numbers read one by one or a batch at a time, in the order they were read. */
    List<String> read() {
        return read;
    }

    /** How many times every stored number was read in one pass. */
    int passes() {
        return passes;
    }

    /** How many times the stored numbers were counted. */
    int counted() {
        return counted;
    }

    @Override
    public NumberSettings find(String number) {
        read.add(number);
        return directory.find(number);
    }

    @Override
    public Map<String, NumberSettings> findAll(Collection<String> numbers) {
        Map<String, NumberSettings> found = directory.findAll(numbers);
        read.addAll(found.keySet());
        return found;
    }

    @Override
    public int storedCount() {
        counted++;
        return directory.storedCount();
    }

    @Override
    public void forEachStored(Consumer<NumberSettings> action) {
        passes++;
        directory.forEachStored(action);
    }

    @Override
    public NumberSettings defaultsFor(String number) {
        return directory.defaultsFor(number);
    }
}
