package org.voipguard.registration;

/** Reads one line of a registration log in one format into a {@link ParsedRegistrationLine}. */
public interface RegistrationLineParser {

    /** The name given to {@code registrations import --format}. */
    String format();

    /** True when the first line of a file is a header to check with {@link #validateHeader}; logs have none. */
    default boolean hasHeader() {
        return false;
    }

    /**
     * Checks a file's header line.
     *
     * @throws IllegalArgumentException naming the expected header when it does not match
     */
    default void validateHeader(String headerLine) {
        throw new UnsupportedOperationException(format() + " logs have no header line");
    }

    /** Never throws and never returns {@code null}, whatever the line holds. */
    ParsedRegistrationLine parse(String line);
}
