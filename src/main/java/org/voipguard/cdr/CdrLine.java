package org.voipguard.cdr;

/**
 * One data line of a CDR file as read, with its line number in the file (the header is line 1).
 * {@code tooLong} is the rejection of a line longer than the cap, whose text is then only its
 * start; null for every other line.
 */
public record CdrLine(long lineNumber, String text, String tooLong) {

    public CdrLine(long lineNumber, String text) {
        this(lineNumber, text, null);
    }
}
