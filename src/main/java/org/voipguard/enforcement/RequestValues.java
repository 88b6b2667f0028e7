package org.voipguard.enforcement;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.voipguard.numbers.IpAccessList;

/** Reads the query parameters a switch sends; each bad value is refused naming its parameter. */
final class RequestValues {

    /** E.164 digits, with or without the plus a SIP user part lacks. */
    private static final Pattern E164 = Pattern.compile("\\+?[1-9][0-9]{1,14}");
    /** Longer than any dialled number in any format; the classifier says what is wrong with shorter text. */
    private static final int MAX_DIALLED = 40;
    private static final int MAX_TIME = 64;

    private RequestValues() {
    }

    static String number(String text) {
        String value = required("number", text);
        if (!E164.matcher(value).matches()) {
            throw new BadParameterException("number", "not an E.164 number (e.g. +441632960001 or 441632960001)");
        }
        return value.startsWith("+") ? value : "+" + value;
    }

    static String dialled(String text) {
        String value = required("dialled", text);
        if (value.length() > MAX_DIALLED) {
            throw new BadParameterException("dialled", "longer than " + MAX_DIALLED + " characters");
        }
        return value;
    }

    static OffsetDateTime at(String text) {
        if (text == null || text.isEmpty()) {
            return OffsetDateTime.now();
        }
        try {
            if (text.length() > MAX_TIME) {
                throw new DateTimeParseException("too long", text, 0);
            }
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadParameterException("at", "not an ISO-8601 time with an offset (e.g. 2026-11-02T10:15:00Z)");
        }
    }

    static BigDecimal price(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal price = new BigDecimal(text);
            if (price.signum() < 0 || price.precision() - price.scale() > 6) {
                throw new NumberFormatException();
            }
            return price;
        } catch (NumberFormatException e) {
            throw new BadParameterException("price", "not a price in pence per minute (0 to 999999)");
        }
    }

    static String ip(String text) {
        return IpAccessList.canonicalAddress(required("ip", text)).orElseThrow(() ->
                new BadParameterException("ip", "not a single IPv4 or IPv6 address"));
    }

    private static String required(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw new BadParameterException(parameter, "missing");
        }
        return text.strip();
    }
}
