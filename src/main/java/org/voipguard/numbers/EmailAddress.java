package org.voipguard.numbers;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The email addresses VoIPGuard sends to: a plain {@code local@domain} as the mail system sees
 * it in the SMTP envelope and the {@code To:} header. The local part is an ASCII dot-atom of
 * at most 64 characters, the domain a DNS host name with at least one dot. Everything RFC 5322
 * allows beyond that (display names, groups, quoted local parts, comments, address literals,
 * encoded words) and internationalised addresses, which need a server offering SMTPUTF8, are
 * refused: each either reaches nobody or is refused by the server only when an alert is sent.
 */
public final class EmailAddress {

    static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL_PART_LENGTH = 64;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern FORMAT = Pattern.compile("[\\p{Cf}\\p{Zl}\\p{Zp}]");
    private static final Pattern DOT_ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");

    private EmailAddress() {
    }

    /** Why the text is not an address VoIPGuard can deliver to, in words an operator can act on; empty when it is. */
    public static Optional<String> problem(String text) {
        try {
            check(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void check(String text) {
        if (CONTROL.matcher(text).find()) {
            throw new IllegalArgumentException("contains a control character (line break, tab, ...)");
        }
        if (FORMAT.matcher(text).find()) {
            throw new IllegalArgumentException("contains an invisible formatting character (e.g. a right-to-left "
                    + "override or a zero-width space)");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters");
        }
        if (!text.chars().allMatch(c -> c < 0x80)) {
            throw new IllegalArgumentException("an internationalised (non-ASCII) address is not supported, as not "
                    + "every mail server can deliver it: give an ASCII address, not " + shown(text));
        }
        checkForm(text);
        int at = text.indexOf('@');
        checkLocalPart(text, text.substring(0, at));
        checkDomain(text, text.substring(at + 1));
    }

    /** What a mail header could read as something other than one plain address. */
    private static void checkForm(String text) {
        if (text.contains("@[")) {
            throw addressLiteral(text);
        }
        if (text.indexOf('"') >= 0) {
            throw new IllegalArgumentException("a quoted local part is not supported: give a plain address, not "
                    + shown(text));
        }
        if (text.indexOf(':') >= 0 || text.indexOf(';') >= 0) {
            throw new IllegalArgumentException("a group (name: addresses;) is not one address: " + shown(text));
        }
        if (text.indexOf(',') >= 0) {
            throw new IllegalArgumentException("not one valid email address: " + shown(text) + " is a list");
        }
        if (text.indexOf('<') >= 0 || text.indexOf('>') >= 0 || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("give the bare address (e.g. fred@example.com), not " + shown(text));
        }
        if (text.contains("=?")) {
            throw new IllegalArgumentException("an encoded word (=?charset?...?=) is not an address: " + shown(text));
        }
        if (text.indexOf('@') < 0 || text.indexOf('@') != text.lastIndexOf('@')) {
            throw new IllegalArgumentException("not one valid email address: " + shown(text)
                    + " must have exactly one @ between local part and domain");
        }
    }

    private static void checkLocalPart(String text, String local) {
        if (local.length() > MAX_LOCAL_PART_LENGTH) {
            throw new IllegalArgumentException("the local part (before the @) is longer than " + MAX_LOCAL_PART_LENGTH
                    + " characters: " + shown(text));
        }
        if (!DOT_ATOM.matcher(local).matches()) {
            throw new IllegalArgumentException("not one valid email address: " + shown(text) + ": the local part must "
                    + "be a dot-atom (letters, digits and !#$%&'*+-/=?^_`{|}~ separated by single dots)");
        }
    }

    private static void checkDomain(String text, String domain) {
        String[] labels = domain.split("\\.", -1);
        boolean hostName = labels.length >= 2 && domain.length() <= 253
                && Arrays.stream(labels).allMatch(label -> LABEL.matcher(label).matches())
                && !ALL_DIGITS.matcher(labels[labels.length - 1]).matches();
        if (!hostName) {
            throw new IllegalArgumentException("not one valid email address: " + shown(text) + ": the domain must be "
                    + "a host name with at least one dot (e.g. example.com)");
        }
    }

    private static IllegalArgumentException addressLiteral(String text) {
        return new IllegalArgumentException("an address literal (a@[192.0.2.1]) is not supported: give a domain "
                + "name, not " + shown(text));
    }

    /** A value quoted for a message: cut to 80 characters, control and invisible characters as {@code \\uXXXX}. */
    static String shown(String text) {
        StringBuilder shown = new StringBuilder("\"");
        text.codePoints().limit(80).forEach(c -> {
            if (c < 0x20 || c == 0x7F || Character.getType(c) == Character.FORMAT) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > 80) {
            shown.append("...");
        }
        return shown.append('"').toString();
    }
}
