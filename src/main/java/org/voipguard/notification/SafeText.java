package org.voipguard.notification;

/**
 * Makes text that came from the network (User-Agents, IP addresses, caller IDs, server
 * replies) safe to show in an email body: control characters are removed and the value is
 * cut to a sane length. Removed are C0 controls (NUL, TAB, CR, LF …), DEL, C1 controls,
 * the bidirectional embeddings, overrides, isolates and marks that can make text read
 * differently from how it is stored, the Unicode line and paragraph separators, and
 * unpaired surrogates.
 */
public final class SafeText {

    /** The longest fact value an email shows, in characters. */
    public static final int MAX_FACT_LENGTH = 200;

    private static final String ELLIPSIS = "...";

    private SafeText() {
    }

    /** {@link #clean(String, int)} at {@link #MAX_FACT_LENGTH}. */
    public static String fact(String value) {
        return clean(value, MAX_FACT_LENGTH);
    }

    /**
     * The value without control characters, at most {@code maxLength} characters long
     * (a cut value ends in "..."); length counts
     * code points, so a character outside the BMP is never split; {@code null} becomes "".
     */
    public static String clean(String value, int maxLength) {
        if (value == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(Math.min(value.length(), maxLength + 1));
        int offset = 0;
        while (offset < value.length()) {
            int codePoint = value.codePointAt(offset);
            offset += Character.charCount(codePoint);
            if (isAllowed(codePoint)) {
                kept.appendCodePoint(codePoint);
            }
        }
        return cut(kept.toString(), maxLength);
    }

    static boolean isAllowed(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.CONTROL || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return false;
        }
        return !isBidiControl(codePoint);
    }

    private static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C                              // ARABIC LETTER MARK
                || codePoint == 0x200E || codePoint == 0x200F   // LRM, RLM
                || (codePoint >= 0x202A && codePoint <= 0x202E) // LRE, RLE, PDF, LRO, RLO
                || (codePoint >= 0x2066 && codePoint <= 0x2069); // LRI, RLI, FSI, PDI
    }

    private static String cut(String text, int maxLength) {
        if (text.codePointCount(0, text.length()) <= maxLength) {
            return text;
        }
        if (maxLength <= ELLIPSIS.length()) {
            return text.substring(0, text.offsetByCodePoints(0, maxLength));
        }
        return text.substring(0, text.offsetByCodePoints(0, maxLength - ELLIPSIS.length())) + ELLIPSIS;
    }
}
