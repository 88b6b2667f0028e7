package org.voipguard.cdr.formats;

import org.voipguard.cdr.InvalidCdrException;

/**
 * Reads the data lines of a CDR file in one format, in order, into the records of the
 * canonical CSV. One parser reads one file: a format that joins lines (Kamailio) keeps what it
 * needs between them.
 */
@FunctionalInterface
public interface CdrFormatParser {

    /**
     * @param line a record of the file, not blank, a byte order mark removed
     * @throws InvalidCdrException naming the field at fault, for a line to reject
     */
    ParsedCdr parse(String line) throws InvalidCdrException;
}
