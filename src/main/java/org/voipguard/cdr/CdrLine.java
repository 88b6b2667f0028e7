package org.voipguard.cdr;

/** One data line of a CDR file as read, with its line number in the file (the header is line 1). */
public record CdrLine(long lineNumber, String text) {
}
