package org.voipguard.cdr;

import java.util.Locale;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.voipguard.imports.IsoTimes;
import org.voipguard.imports.PlausibleTimes;

/** Turns one line of the canonical CDR CSV into a {@link CdrRecord}, or says which field is wrong. */
public final class CdrLineParser {

    public static final List<String> HEADER =
            List.of("call_id", "number", "direction", "start_time", "duration_s", "called", "rate_ppm", "cost_gbp", "status");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).get();
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern CALL_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Pattern CALLED = Pattern.compile("[0-9+*#() .\\-]{1,64}");
    private static final int MAX_DURATION_S = 7 * 24 * 3600;
    private static final BigDecimal MAX_PRICE_PPM = new BigDecimal("100000");
    private static final BigDecimal MAX_COST_GBP = new BigDecimal("100000");

    private final PlausibleTimes plausibleTimes;

    /** A parser that believes any start time: for the analysts' scenarios. */
    public CdrLineParser() {
        this(PlausibleTimes.any());
    }

    public CdrLineParser(PlausibleTimes plausibleTimes) {
        this.plausibleTimes = plausibleTimes;
    }

    public CdrRecord parse(String line) throws InvalidCdrException {
        List<String> cells = cells(line);
        if (cells.size() != HEADER.size()) {
            throw new InvalidCdrException("line", "expected " + HEADER.size() + " columns, found " + cells.size());
        }
        return new CdrRecord(
                matching(cells.get(0), CALL_ID, "call_id", "1 to 128 printable characters without spaces"),
                matching(cells.get(1), E164, "number", "an E.164 number such as +441632960001"),
                direction(cells.get(2)),
                startTime(cells.get(3)),
                duration(cells.get(4)),
                matching(cells.get(5), CALLED, "called", "a dialled number (digits, +, spaces)"),
                optionalAmount(cells.get(6), "rate_ppm", MAX_PRICE_PPM),
                optionalAmount(cells.get(7), "cost_gbp", MAX_COST_GBP),
                status(cells.get(8)));
    }

    /** True when the line is the CDR header (a UTF-8 byte order mark and spaces are tolerated). */
    public static boolean isHeader(String line) {
        try {
            return cells(line.replace("\uFEFF", "")).equals(HEADER);
        } catch (InvalidCdrException e) {
            return false;
        }
    }

    private static List<String> cells(String line) throws InvalidCdrException {
        if (line.indexOf('"') < 0) {
            return splitUnquoted(line);
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(line), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new InvalidCdrException("line", "expected one CSV record, found " + records.size());
            }
            return records.get(0).toList();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidCdrException("line", "malformed CSV: " + e.getMessage());
        }
    }

    /** The common case, a line without quotes, without the cost of a CSV parser per line. */
    private static List<String> splitUnquoted(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return List.of(cells);
    }

    private static String matching(String value, Pattern pattern, String field, String expected)
            throws InvalidCdrException {
        if (!pattern.matcher(value).matches()) {
            throw new InvalidCdrException(field, "must be " + expected + ", got \"" + shown(value) + "\"");
        }
        return value;
    }

    private static CdrRecord.Direction direction(String value) throws InvalidCdrException {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "OUT" -> CdrRecord.Direction.OUT;
            case "IN" -> CdrRecord.Direction.IN;
            default -> throw new InvalidCdrException("direction", "must be OUT or IN, got \"" + shown(value) + "\"");
        };
    }

    private OffsetDateTime startTime(String value) throws InvalidCdrException {
        OffsetDateTime time;
        try {
            time = IsoTimes.parseOffsetDateTime(value);
        } catch (DateTimeParseException e) {
            throw new InvalidCdrException("start_time",
                    "must be ISO-8601 with an offset, e.g. 2026-11-02T10:15:00Z, got \"" + shown(value) + "\"");
        }
        String implausible = plausibleTimes.problem(time.toInstant());
        if (implausible != null) {
            throw new InvalidCdrException("start_time", "not a plausible time: " + implausible);
        }
        return time;
    }

    private static int duration(String value) throws InvalidCdrException {
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 0 && seconds <= MAX_DURATION_S) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidCdrException("duration_s",
                "must be whole seconds from 0 to " + MAX_DURATION_S + ", got \"" + shown(value) + "\"");
    }

    private static BigDecimal optionalAmount(String value, String field, BigDecimal max) throws InvalidCdrException {
        if (value.isEmpty()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() >= 0 && amount.compareTo(max) <= 0 && amount.scale() <= 6) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidCdrException(field,
                "must be empty or a number from 0 to " + max.toPlainString() + ", got \"" + shown(value) + "\"");
    }

    private static int status(String value) throws InvalidCdrException {
        try {
            int status = Integer.parseInt(value);
            if (status >= 100 && status <= 699) {
                return status;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidCdrException("status", "must be a SIP final status code (100-699), got \"" + shown(value) + "\"");
    }

    /** Network text in an error message: printable, and short enough to read. */
    static String shown(String value) {
        String printable = value.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 60 ? printable.substring(0, 57) + "..." : printable;
    }
}
