package org.voipguard.imports;

import org.springframework.batch.infrastructure.item.file.separator.RecordSeparatorPolicy;

/**
 * Lets a quoted CSV cell span lines (a User-Agent may hold a line break), but only a few: a
 * stray quote in a hostile file must cost one rejected record, not swallow the rest of the
 * file into one.
 */
public class QuotedCsvRecordPolicy implements RecordSeparatorPolicy {

    private static final int MAX_LINES = 4;

    private final LineLengthCap cap;

    public QuotedCsvRecordPolicy(LineLengthCap cap) {
        this.cap = cap;
    }

    /** A record past the cap ends at once: it is rejected whole, and its next line is a record of its own. */
    @Override
    public boolean isEndOfRecord(String record) {
        return quotesBalanced(record) || cap.exceeded(record) || lineBreaks(record) >= MAX_LINES - 1;
    }

    @Override
    public String postProcess(String record) {
        return record;
    }

    @Override
    public String preProcess(String record) {
        return record + "\n";
    }

    private static boolean quotesBalanced(String record) {
        long quotes = record.chars().filter(c -> c == '"').count();
        return quotes % 2 == 0;
    }

    private static long lineBreaks(String record) {
        return record.chars().filter(c -> c == '\n').count();
    }
}
