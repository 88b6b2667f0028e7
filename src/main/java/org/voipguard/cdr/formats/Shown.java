package org.voipguard.cdr.formats;

import org.voipguard.text.UntrustedText;

/** Network text in a rejection reason or a message: escaped, and short enough to read. */
final class Shown {

    private static final int MAX = 60;

    private Shown() {
    }

    static String of(String value) {
        String cut = value.length() > MAX ? value.substring(0, MAX - 3) + "..." : value;
        return UntrustedText.escape(cut);
    }
}
