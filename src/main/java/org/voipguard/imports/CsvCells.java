package org.voipguard.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits one record of an input CSV file into its cells, as RFC 4180 reads it, cells
 * unchanged. A record without quotes or line breaks, nearly every line of a real file, is
 * split by hand: a CSV parser per line costs more than the rest of reading the line.
 */
public final class CsvCells {

    private static final CSVFormat RFC4180 = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvCells() {
    }

    /** A record that is not one well-formed CSV record. */
    public static final class MalformedCsvException extends Exception {

        private final int records;

        private MalformedCsvException(String message, int records) {
            super(message, null, false, false);
            this.records = records;
        }

        /** How many records the text held, or -1 when it could not be read as CSV at all. */
        public int records() {
            return records;
        }
    }

    /** The cells of the record, in order; an empty record is one empty cell. */
    public static List<String> split(String record) throws MalformedCsvException {
        if (isPlain(record)) {
            return splitPlain(record);
        }
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(record, RFC4180)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new MalformedCsvException("a quote not closed, or text after a closing quote", -1);
        }
        if (records.size() != 1) {
            throw new MalformedCsvException("one CSV record expected, found " + records.size(), records.size());
        }
        return records.get(0).toList();
    }

    private static boolean isPlain(String record) {
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c == '"' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return !record.isEmpty();
    }

    private static List<String> splitPlain(String record) {
        List<String> cells = new ArrayList<>(10);
        int start = 0;
        for (int comma = record.indexOf(','); comma >= 0; comma = record.indexOf(',', start)) {
            cells.add(record.substring(start, comma));
            start = comma + 1;
        }
        cells.add(record.substring(start));
        return cells;
    }
}
