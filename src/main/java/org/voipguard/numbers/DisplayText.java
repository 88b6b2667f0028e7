package org.voipguard.numbers;

/** Makes text from the network safe to print: no control or format characters, a sane length. */
public final class DisplayText {

    private DisplayText() {
    }

    /**
     * Turns line breaks and tabs into spaces, drops every other control character (escapes) and
     * invisible format character (bidi overrides, zero-width), folds runs of spaces and cuts to
     * {@code maxLength} code points.
     */
    public static String clean(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        StringBuilder cleaned = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c)) {
                cleaned.append(' ');
            } else if (Character.getType(c) != Character.CONTROL && Character.getType(c) != Character.FORMAT) {
                cleaned.appendCodePoint(c);
            }
        });
        String folded = cleaned.toString().replaceAll("\\s+", " ").strip();
        if (folded.codePointCount(0, folded.length()) <= maxLength) {
            return folded;
        }
        return folded.substring(0, folded.offsetByCodePoints(0, maxLength - 3)) + "...";
    }
}
