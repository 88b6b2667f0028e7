package org.voipguard.registration;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks and clean-ups for registration fields that every log format shares. */
public final class RegistrationFields {

    /** The width of the {@code user_agent} columns. */
    public static final int USER_AGENT_MAX_CHARS = 512;
    /** One week, the longest expiry a registrar grants in practice. */
    public static final int MAX_EXPIRES_S = 604_800;
    public static final Set<String> TRANSPORTS = Set.of("UDP", "TCP", "TLS", "WS", "WSS");

    /** E.164: a country code never starts with 0; at most 15 digits. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final int SHOWN_MAX_CHARS = 40;

    private RegistrationFields() {
    }

    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /** The transport in upper case when it is one of {@link #TRANSPORTS}, compared case-insensitively. */
    public static Optional<String> transport(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return TRANSPORTS.contains(upper) ? Optional.of(upper) : Optional.empty();
    }

    /** A port number 1-65535 written in plain ASCII digits. */
    public static OptionalInt port(String text) {
        String digits = text.strip();
        if (!PORT.matcher(digits).matches()) {
            return OptionalInt.empty();
        }
        int port = Integer.parseInt(digits);
        return port >= 1 && port <= 65_535 ? OptionalInt.of(port) : OptionalInt.empty();
    }

    /**
     * The User-Agent as stored: {@code null} when empty, NUL characters removed (no database
     * text column takes them), cut to {@link #USER_AGENT_MAX_CHARS} without splitting a
     * surrogate pair. Other control characters stay: they are removed when the text is shown.
     */
    public static String storedUserAgent(String raw) {
        if (raw == null) {
            return null;
        }
        String withoutNul = raw.indexOf('\0') < 0 ? raw : raw.replace("\0", "");
        if (withoutNul.isEmpty()) {
            return null;
        }
        if (withoutNul.length() <= USER_AGENT_MAX_CHARS) {
            return withoutNul;
        }
        int end = USER_AGENT_MAX_CHARS;
        if (Character.isHighSurrogate(withoutNul.charAt(end - 1))) {
            end--;
        }
        return withoutNul.substring(0, end);
    }

    /**
     * A value fit to quote in an error message: in single quotes, control, format and lone
     * surrogate characters written as {@code \}{@code uXXXX}, cut to 40 characters.
     */
    public static String shown(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder("'");
        int limit = Math.min(value.length(), SHOWN_MAX_CHARS);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (isHidden(c)) {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        text.append('\'');
        if (value.length() > limit) {
            text.append("... (").append(value.length()).append(" characters)");
        }
        return text.toString();
    }

    private static boolean isHidden(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
