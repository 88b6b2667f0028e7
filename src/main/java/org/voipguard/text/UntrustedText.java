package org.voipguard.text;

/**
 * Shows text VoIPGuard did not write itself (file names, messages that quote input) in a
 * summary line or a log message, so that it can neither start a new line nor hide or reorder
 * what is shown: line breaks and tabs become {@code \n}, {@code \r}, {@code \t}; every other
 * control character, invisible format character (bidirectional overrides, zero-width
 * characters), line or paragraph separator and unpaired surrogate becomes {@code \}{@code uXXXX}.
 * Backslashes are left as they are, so escaping text twice changes nothing and a message may
 * be escaped wherever it is shown.
 */
public final class UntrustedText {

    private UntrustedText() {
    }

    /** {@code String.valueOf(value)}, escaped. */
    public static String escape(Object value) {
        String text = String.valueOf(value);
        if (text.codePoints().noneMatch(UntrustedText::isHidden)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (isHidden(c)) {
                        for (char unit : Character.toChars(c)) {
                            shown.append("\\u%04x".formatted((int) unit));
                        }
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        });
        return shown.toString();
    }

    private static boolean isHidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }
}
