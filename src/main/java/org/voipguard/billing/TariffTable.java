package org.voipguard.billing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.voipguard.command.UsageException;

/** The tariff file, parsed and checked, with longest-prefix lookup. Immutable. */
final class TariffTable {

    static final List<String> HEADER = List.of("prefix", "description", "peak_ppm", "offpeak_ppm", "weekend_ppm");
    private static final Pattern PREFIX = Pattern.compile("\\+?[0-9]{1,15}");
    private static final int MAX_SHOWN_VALUE = 40;

    private final Map<String, TariffEntry> byPrefix;
    private final int longestPrefix;

    private TariffTable(Map<String, TariffEntry> byPrefix) {
        this.byPrefix = Map.copyOf(byPrefix);
        this.longestPrefix = byPrefix.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** Reads and checks the whole file; any bad row is a configuration error naming line and field. */
    static TariffTable load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("tariff file " + file + " does not exist");
        } catch (IOException e) {
            throw new UsageException("tariff file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return new Reader(file, text.startsWith("\uFEFF") ? text.substring(1) : text).read();
    }

    /** The entry with the longest prefix of these E.164 digits (no plus), if any. */
    Optional<TariffEntry> longestMatch(String digits) {
        for (int length = Math.min(longestPrefix, digits.length()); length > 0; length--) {
            TariffEntry entry = byPrefix.get(digits.substring(0, length));
            if (entry != null) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    int size() {
        return byPrefix.size();
    }

    private static final class Reader {

        private final Path file;
        private final String text;
        private final int[] lineStarts;
        private final Map<String, Integer> lineOfPrefix = new HashMap<>();
        private final Map<String, TariffEntry> byPrefix = new HashMap<>();

        Reader(Path file, String text) {
            this.file = file;
            this.text = text;
            this.lineStarts = lineStarts(text);
        }

        TariffTable read() {
            // Blank lines are read as records and skipped here, so every record's position is its own line.
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).setTrim(true).get();
            try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
                checkHeader(parser.getHeaderNames());
                for (CSVRecord row : parser) {
                    if (!isBlank(row)) {
                        add(row);
                    }
                }
            } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
                throw problem("is not a readable CSV file: " + e.getMessage());
            }
            return new TariffTable(byPrefix);
        }

        private void checkHeader(List<String> header) {
            if (!header.equals(HEADER)) {
                throw problem("line 1: the header must be " + String.join(",", HEADER) + ", found "
                        + shown(String.join(",", header)));
            }
        }

        private static boolean isBlank(CSVRecord row) {
            return row.size() == 1 && row.get(0).isEmpty();
        }

        private void add(CSVRecord row) {
            int line = lineOf(row.getCharacterPosition());
            if (row.size() > HEADER.size()) {
                throw problem("line " + line + ": " + row.size() + " fields, expected " + HEADER.size());
            }
            if (row.size() < HEADER.size()) {
                throw fieldProblem(line, HEADER.get(row.size()), "missing");
            }
            String prefix = prefix(row, line);
            Integer earlier = lineOfPrefix.putIfAbsent(prefix, line);
            if (earlier != null) {
                throw fieldProblem(line, "prefix", "'" + prefix + "' is already priced on line " + earlier);
            }
            byPrefix.put(prefix, new TariffEntry(prefix, row.get(1), price(row, 2, line), price(row, 3, line),
                    price(row, 4, line)));
        }

        private String prefix(CSVRecord row, int line) {
            String value = row.get(0);
            if (!PREFIX.matcher(value).matches()) {
                throw fieldProblem(line, "prefix",
                        "'" + shown(value) + "' is not an E.164 prefix (1 to 15 digits, e.g. 447)");
            }
            return value.startsWith("+") ? value.substring(1) : value;
        }

        private BigDecimal price(CSVRecord row, int column, int line) {
            String value = row.get(column);
            BigDecimal price;
            try {
                price = new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw fieldProblem(line, HEADER.get(column),
                        "'" + shown(value) + "' is not a price in pence per minute");
            }
            if (price.signum() < 0) {
                throw fieldProblem(line, HEADER.get(column), "a price cannot be negative (" + value + ")");
            }
            return price;
        }

        private UsageException fieldProblem(int line, String field, String reason) {
            return problem("line " + line + ", field " + field + ": " + reason);
        }

        private UsageException problem(String detail) {
            return new UsageException("tariff file " + file + " " + detail);
        }

        private int lineOf(long characterPosition) {
            int index = Arrays.binarySearch(lineStarts, (int) characterPosition);
            return (index >= 0 ? index : -index - 2) + 1;
        }

        private static int[] lineStarts(String text) {
            int[] starts = new int[16];
            int count = 0;
            starts[count++] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean lineEnd = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
                if (lineEnd) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
            return Arrays.copyOf(starts, count);
        }

        private static String shown(String value) {
            return value.length() <= MAX_SHOWN_VALUE ? value : value.substring(0, MAX_SHOWN_VALUE) + "…";
        }
    }
}
