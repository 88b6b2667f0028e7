package org.voipguard.registration;

import static org.voipguard.registration.RegistrationFields.shown;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.voipguard.imports.CsvCells;
import org.voipguard.imports.IsoTimes;
import org.voipguard.imports.PlausibleTimes;
import org.voipguard.numbers.IpAccessList;
import org.voipguard.registration.ParsedRegistrationLine.Parsed;
import org.voipguard.registration.ParsedRegistrationLine.Rejected;
import org.voipguard.registration.ParsedRegistrationLine.Skipped;

/**
 * The canonical registration CSV:
 * {@code time,number,source_ip,source_port,transport,user_agent,auth_result,expires_s}.
 * Cells other than {@code user_agent} are read with surrounding spaces removed; the first
 * bad cell rejects the line, naming its column. A blank line is skipped.
 */
@Component
public final class RegistrationCsvLineParser implements RegistrationLineParser {

    public static final String FORMAT_NAME = "csv";
    public static final String HEADER =
            "time,number,source_ip,source_port,transport,user_agent,auth_result,expires_s";

    private static final int COLUMNS = HEADER.split(",").length;
    private static final Pattern EXPIRES = Pattern.compile("[0-9]{1,7}");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final PlausibleTimes plausibleTimes;

    /** A parser that believes any time: for the analysts' scenarios. */
    public RegistrationCsvLineParser() {
        this(PlausibleTimes.any());
    }

    public RegistrationCsvLineParser(PlausibleTimes plausibleTimes) {
        this.plausibleTimes = plausibleTimes;
    }

    @Override
    public String format() {
        return FORMAT_NAME;
    }

    @Override
    public boolean hasHeader() {
        return true;
    }

    /** Accepts exactly {@link #HEADER}, with or without a UTF-8 byte order mark and surrounding spaces. */
    @Override
    public void validateHeader(String headerLine) {
        String header = headerLine == null ? "" : headerLine;
        if (!header.isEmpty() && header.charAt(0) == BYTE_ORDER_MARK) {
            header = header.substring(1);
        }
        if (!header.strip().equals(HEADER)) {
            throw new IllegalArgumentException("registration CSV header must be exactly '" + HEADER
                    + "', found " + shown(headerLine));
        }
    }

    @Override
    public ParsedRegistrationLine parse(String line) {
        if (line == null || line.isBlank()) {
            return new Skipped("blank line");
        }
        List<String> cells;
        try {
            cells = cells(line);
        } catch (BadField bad) {
            return bad.asRejection();
        }
        if (cells.size() != COLUMNS) {
            return new Rejected("columns", COLUMNS + " columns expected (" + HEADER + "), found " + cells.size());
        }
        try {
            return new Parsed(record(cells));
        } catch (BadField bad) {
            return bad.asRejection();
        }
    }

    private static List<String> cells(String line) throws BadField {
        try {
            return CsvCells.split(line);
        } catch (CsvCells.MalformedCsvException e) {
            throw new BadField("line", e.records() < 0 ? "not valid CSV (" + e.getMessage() + ")" : e.getMessage());
        }
    }

    private RegistrationRecord record(List<String> cells) throws BadField {
        return new RegistrationRecord(
                time(cells.get(0).strip()),
                number(cells.get(1).strip()),
                sourceIp(cells.get(2).strip()),
                sourcePort(cells.get(3)),
                transport(cells.get(4)),
                RegistrationFields.storedUserAgent(cells.get(5)),
                authResult(cells.get(6).strip()),
                expires(cells.get(7).strip()));
    }

    private Instant time(String text) throws BadField {
        Instant time;
        try {
            time = IsoTimes.parseOffsetDateTime(text).toInstant();
        } catch (DateTimeException e) {
            throw new BadField("time", "ISO-8601 time with offset expected (e.g. 2026-11-02T10:15:04+00:00), found "
                    + shown(text));
        }
        String implausible = plausibleTimes.problem(time);
        if (implausible != null) {
            throw new BadField("time", "not a plausible time: " + implausible);
        }
        return time;
    }

    private static String number(String text) throws BadField {
        if (!RegistrationFields.isE164(text)) {
            throw new BadField("number", "E.164 number expected (+ and 7-15 digits), found " + shown(text));
        }
        return text;
    }

    private static String sourceIp(String text) throws BadField {
        return IpAccessList.canonicalAddress(text).orElseThrow(
                () -> new BadField("source_ip", "a single IPv4 or IPv6 address other than 0.0.0.0 and :: expected, found " + shown(text)));
    }

    private static int sourcePort(String text) throws BadField {
        return RegistrationFields.port(text).orElseThrow(
                () -> new BadField("source_port", "port 1-65535 expected, found " + shown(text)));
    }

    private static String transport(String text) throws BadField {
        return RegistrationFields.transport(text).orElseThrow(
                () -> new BadField("transport", "UDP, TCP, TLS, WS or WSS expected, found " + shown(text)));
    }

    private static AuthResult authResult(String text) throws BadField {
        String upper = text.toUpperCase(Locale.ROOT);
        for (AuthResult result : AuthResult.values()) {
            if (result.name().equals(upper)) {
                return result;
            }
        }
        throw new BadField("auth_result", "OK, BAD_PASSWORD or UNKNOWN_USER expected, found " + shown(text));
    }

    private static Integer expires(String text) throws BadField {
        if (text.isEmpty()) {
            return null;
        }
        if (EXPIRES.matcher(text).matches()) {
            int seconds = Integer.parseInt(text);
            if (seconds <= RegistrationFields.MAX_EXPIRES_S) {
                return seconds;
            }
        }
        throw new BadField("expires_s", "seconds 0-" + RegistrationFields.MAX_EXPIRES_S
                + " or empty expected, found " + shown(text));
    }

    /** One bad cell; carries no stack trace, it is an expected outcome. */
    private static final class BadField extends Exception {

        private final String field;

        BadField(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }

        Rejected asRejection() {
            return new Rejected(field, getMessage());
        }
    }
}
