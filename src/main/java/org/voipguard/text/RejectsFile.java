package org.voipguard.text;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rejects file of an input: {@code <input name>.rejects.csv} with the columns
 * {@code line,field,reason,raw}, one row per rejected record, for every kind of input.
 */
public final class RejectsFile {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader("line", "field", "reason", "raw").setRecordSeparator("\n").get();

    private RejectsFile() {
    }

    /** A rejected record: its line number in the input, the field at fault, why, and the record as read. */
    public record Row(long line, String field, String reason, String raw) {
    }

    /**
     * Writes the rows {@code rows} hands to its sink, replacing the file of an earlier import of
     * the same name at once (a reader never sees half a file); returns the file, or null when
     * there was no row, after removing an older file that would describe an older import.
     */
    public static Path write(Path directory, String inputName, Consumer<Consumer<Row>> rows) {
        Path target = directory.resolve(inputName + ".rejects.csv");
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "rejects", ".tmp");
            long written = print(temporary, rows);
            if (written == 0) {
                Files.delete(temporary);
                Files.deleteIfExists(target);
                return null;
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + target, e);
        }
    }

    private static long print(Path file, Consumer<Consumer<Row>> rows) throws IOException {
        long[] written = {0};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            rows.accept(row -> {
                try {
                    csv.printRecord(row.line(), row.field(), row.reason(), row.raw());
                    written[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return written[0];
    }
}
