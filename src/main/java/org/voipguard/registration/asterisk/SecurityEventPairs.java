package org.voipguard.registration.asterisk;

import static org.voipguard.registration.RegistrationFields.shown;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits {@code Key="value",Key="value"} into a map. Inside quotes, {@code \"} is a quote and
 * {@code \\} a backslash; any other backslash is kept as written. Spaces are allowed around
 * the commas. A key seen twice makes the line malformed: the only way it happens is text
 * injected through an unescaped value, and no guess about which copy is real is safe.
 */
final class SecurityEventPairs {

    private enum State { KEY, VALUE_START, QUOTED, ESCAPED, AFTER_VALUE, NEXT_KEY }

    private SecurityEventPairs() {
    }

    static Map<String, String> parse(String text, int start) throws MalformedPairs {
        Map<String, String> pairs = new LinkedHashMap<>();
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        State state = State.KEY;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (state) {
                case KEY:
                    if (c == '=' && key.length() > 0) {
                        state = State.VALUE_START;
                    } else if (isKeyChar(c)) {
                        key.append(c);
                    } else {
                        throw new MalformedPairs("'=' expected after key " + shown(key.toString()), i);
                    }
                    break;
                case VALUE_START:
                    if (c != '"') {
                        throw new MalformedPairs(
                                "the value of " + shown(key.toString()) + " must be in double quotes", i);
                    }
                    state = State.QUOTED;
                    break;
                case QUOTED:
                    if (c == '\\') {
                        state = State.ESCAPED;
                    } else if (c == '"') {
                        put(pairs, key, value, i);
                        state = State.AFTER_VALUE;
                    } else {
                        value.append(c);
                    }
                    break;
                case ESCAPED:
                    if (c != '"' && c != '\\') {
                        value.append('\\');
                    }
                    value.append(c);
                    state = State.QUOTED;
                    break;
                case AFTER_VALUE:
                    if (c == ',') {
                        state = State.NEXT_KEY;
                    } else if (!Character.isWhitespace(c)) {
                        throw new MalformedPairs("',' expected after the closing quote of a value", i);
                    }
                    break;
                case NEXT_KEY:
                    if (isKeyChar(c)) {
                        key.append(c);
                        state = State.KEY;
                    } else if (!Character.isWhitespace(c)) {
                        throw new MalformedPairs("a key expected after ','", i);
                    }
                    break;
                default:
                    throw new IllegalStateException(state.name());
            }
        }
        if (state != State.AFTER_VALUE) {
            throw new MalformedPairs(endProblem(state, key), text.length());
        }
        return pairs;
    }

    private static String endProblem(State state, CharSequence key) {
        switch (state) {
            case QUOTED:
            case ESCAPED:
                return "the value of " + shown(key.toString()) + " has no closing quote";
            case NEXT_KEY:
                return "a key expected after ','";
            default:
                return "no value for key " + shown(key.toString());
        }
    }

    private static void put(Map<String, String> pairs, StringBuilder key, StringBuilder value, int position)
            throws MalformedPairs {
        String name = key.toString();
        if (pairs.putIfAbsent(name, value.toString()) != null) {
            throw new MalformedPairs("key " + shown(name) + " appears twice", position);
        }
        key.setLength(0);
        value.setLength(0);
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** The line is not a list of quoted pairs; the message names the character position (1-based). */
    static final class MalformedPairs extends Exception {

        MalformedPairs(String problem, int index) {
            super(problem + " (at character " + (index + 1) + ")", null, false, false);
        }
    }
}
