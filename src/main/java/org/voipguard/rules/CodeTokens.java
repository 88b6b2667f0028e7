package org.voipguard.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Java or MVEL code (a condition, a consequence, a whole rule file) into names, dots and
 * other symbols, passing over string and character literals, text blocks, comments and
 * numbers. A name is given as the compiler reads it: the characters Java ignores inside an
 * identifier (zero-width and control characters) are left out, so {@code Sys\u200Btem} is
 * {@code System}.
 */
final class CodeTokens {

    enum Kind { NAME, DOT, SYMBOL }

    /** A token and where it starts in the code, counted in chars. */
    record Token(Kind kind, String text, int start) {

        boolean isName() {
            return kind == Kind.NAME;
        }

        boolean is(String symbol) {
            return text.equals(symbol);
        }
    }

    private final String code;
    private final boolean hashComments;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    private CodeTokens(String code, boolean hashComments) {
        this.code = code;
        this.hashComments = hashComments;
    }

    /** The tokens of a piece of Java or MVEL code. */
    static List<Token> of(String code) {
        CodeTokens reader = new CodeTokens(code == null ? "" : code, false);
        reader.read();
        return reader.tokens;
    }

    /** The tokens of a whole {@code .drl} file, where {@code #} also starts a comment to the end of the line. */
    static List<Token> ofRuleFile(String text) {
        CodeTokens reader = new CodeTokens(text, true);
        reader.read();
        return reader.tokens;
    }

    private void read() {
        while (at < code.length()) {
            char c = code.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (code.startsWith("//", at) || hashComments && c == '#') {
                skipLine();
            } else if (code.startsWith("/*", at)) {
                skipPast(2, "*/");
            } else if (code.startsWith("\"\"\"", at)) {
                at += 3;
                skipQuoted("\"\"\"");
            } else if (c == '"' || c == '\'') {
                at++;
                skipQuoted(String.valueOf(c));
            } else if (Character.isJavaIdentifierStart(code.codePointAt(at))) {
                name();
            } else if (Character.isDigit(c)) {
                number();
            } else {
                tokens.add(new Token(c == '.' ? Kind.DOT : Kind.SYMBOL, String.valueOf(c), at));
                at++;
            }
        }
    }

    private void name() {
        int start = at;
        StringBuilder name = new StringBuilder();
        while (at < code.length() && Character.isJavaIdentifierPart(code.codePointAt(at))) {
            int codePoint = code.codePointAt(at);
            if (!Character.isIdentifierIgnorable(codePoint)) {
                name.appendCodePoint(codePoint);
            }
            at += Character.charCount(codePoint);
        }
        tokens.add(new Token(Kind.NAME, name.toString(), start));
    }

    /** A number, suffixes, exponents and decimal points included: {@code 1.5e3}, {@code 10L}, {@code 0x1F}. */
    private void number() {
        while (at < code.length() && (Character.isLetterOrDigit(code.charAt(at)) || code.charAt(at) == '_'
                || code.charAt(at) == '.' && at + 1 < code.length() && Character.isDigit(code.charAt(at + 1)))) {
            at++;
        }
    }

    /** Skips a line comment; Java ends it at a carriage return as well as at a line feed. */
    private void skipLine() {
        while (at < code.length() && code.charAt(at) != '\n' && code.charAt(at) != '\r') {
            at++;
        }
    }

    /** Skips a comment whose opening is {@code opening} chars long. */
    private void skipPast(int opening, String end) {
        int found = code.indexOf(end, at + opening);
        at = found < 0 ? code.length() : found + end.length();
    }

    /** Skips to the end of a literal that started just before {@code at}; a backslash escapes the next char. */
    private void skipQuoted(String end) {
        while (at < code.length() && !code.startsWith(end, at)) {
            at += code.charAt(at) == '\\' ? 2 : 1;
        }
        at = Math.min(code.length(), at + end.length());
    }
}
