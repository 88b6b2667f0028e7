package org.voipguard.registration;

/**
 * One line of a registration log as read, with its line number in the file. {@code tooLong} is
 * the rejection of a line longer than the cap, whose text is then only its start; null for
 * every other line.
 */
public record RegistrationLine(long lineNumber, String text, String tooLong) {

    public RegistrationLine(long lineNumber, String text) {
        this(lineNumber, text, null);
    }
}
