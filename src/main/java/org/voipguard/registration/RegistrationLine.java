package org.voipguard.registration;

/** One line of a registration log as read, with its line number in the file. */
public record RegistrationLine(long lineNumber, String text) {
}
