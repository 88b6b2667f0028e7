package org.voipguard.cdr.formats;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.voipguard.cdr.InvalidCdrException;
import org.voipguard.imports.PlausibleTimes;

/** What the switch formats share: CSV cells, local times, durations, call ids. */
final class SwitchFields {

    static final int MAX_DURATION_S = 7 * 24 * 3600;
    private static final CSVFormat CSV = CSVFormat.DEFAULT;
    private static final Pattern CALL_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Pattern LOCAL_TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;
    private final PlausibleTimes plausibleTimes;

    SwitchFields(ZoneId zone, PlausibleTimes plausibleTimes) {
        this.zone = zone;
        this.plausibleTimes = plausibleTimes;
    }

    /** The cells of one CSV record; a doubled quote inside a quoted cell is one quote. */
    static List<String> cells(String line) throws InvalidCdrException {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), CSV)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new InvalidCdrException("line", "expected one CSV record, found " + records.size());
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidCdrException("line", "malformed CSV: " + Shown.of(String.valueOf(e.getMessage())));
        }
    }

    /** True for a {@code YYYY-MM-DD HH:MM:SS} stamp, as Asterisk and FreeSWITCH write them. */
    static boolean isLocalTime(String value) {
        return LOCAL_TIME.matcher(value).matches();
    }

    /** A switch's {@code YYYY-MM-DD HH:MM:SS} in the switch's zone (the earlier offset when the clock went back). */
    OffsetDateTime localTime(String value, String field) throws InvalidCdrException {
        if (!isLocalTime(value)) {
            throw new InvalidCdrException(field, "must be a time YYYY-MM-DD HH:MM:SS, got \"" + Shown.of(value) + "\"");
        }
        try {
            return plausible(LocalDateTime.parse(value, STAMP).atZone(zone).toOffsetDateTime(), field);
        } catch (DateTimeException e) {
            throw new InvalidCdrException(field, "is not a date that exists: \"" + Shown.of(value) + "\"");
        }
    }

    OffsetDateTime epochSeconds(String value, String field) throws InvalidCdrException {
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 0 && seconds < 253_402_300_800L) {
                return plausible(Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC), field);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidCdrException(field, "must be seconds since 1970 (UTC), got \"" + Shown.of(value) + "\"");
    }

    private OffsetDateTime plausible(OffsetDateTime time, String field) throws InvalidCdrException {
        String problem = plausibleTimes.problem(time.toInstant());
        if (problem != null) {
            throw new InvalidCdrException(field, "not a plausible time: " + problem);
        }
        return time;
    }

    static int seconds(String value, String field) throws InvalidCdrException {
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 0 && seconds <= MAX_DURATION_S) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidCdrException(field, "must be whole seconds from 0 to " + MAX_DURATION_S + ", got \""
                + Shown.of(value) + "\"");
    }

    static String callId(String value, String field) throws InvalidCdrException {
        if (!CALL_ID.matcher(value).matches()) {
            throw new InvalidCdrException(field, "must be 1 to 128 printable characters without spaces, got \""
                    + Shown.of(value) + "\"");
        }
        return value;
    }

    /** A call id for a record that has none: the same fields give the same id, so a file imported twice counts once. */
    static String hashedCallId(String prefix, List<String> fields) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(String.join("\u0000", fields).getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
