package org.voipguard.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Counts the records of an input file: its non-blank lines after the header. A line longer
 * than the cap counts (it is a rejected record) and is not held whole.
 */
public final class DataLines {

    private DataLines() {
    }

    public static long count(Path file, LineLengthCap cap) {
        try (BufferedReader reader = cap.reader(file)) {
            long count = 0;
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (header) {
                    header = false;
                } else if (cap.exceeded(line) || !line.isBlank()) {
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
