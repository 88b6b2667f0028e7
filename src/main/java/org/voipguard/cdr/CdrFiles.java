package org.voipguard.cdr;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.file.LineMapper;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.item.file.separator.SimpleRecordSeparatorPolicy;
import org.springframework.core.io.FileSystemResource;
import org.voipguard.cdr.formats.CdrFormat;
import org.voipguard.imports.LineLengthCap;
import org.voipguard.imports.QuotedCsvRecordPolicy;
import org.voipguard.imports.UnfinishedRecordTolerantReader;

/** Reads a CDR file line by line in its format, the same for the import job and a dry run. */
public final class CdrFiles {

    private CdrFiles() {
    }

    /** A reader of a canonical CDR file. */
    public static UnfinishedRecordTolerantReader<CdrLine> reader(Path file, LineLengthCap cap) {
        return reader(file, CdrFormat.CSV, cap);
    }

    /**
     * A reader of the file's data lines with their line numbers (the canonical CSV's from 2:
     * opening it checks the header). A quoted CSV cell may span lines; a log line is one record.
     * A line longer than the cap is read only in part and comes with its rejection.
     */
    public static UnfinishedRecordTolerantReader<CdrLine> reader(Path file, CdrFormat format, LineLengthCap cap) {
        LineMapper<CdrLine> lines = (line, lineNumber) -> new CdrLine(lineNumber, line, cap.problem(line));
        return new UnfinishedRecordTolerantReader<>(new FlatFileItemReaderBuilder<CdrLine>()
                .name("cdrReader")
                .resource(new FileSystemResource(file))
                .encoding(StandardCharsets.UTF_8.name())
                .bufferedReaderFactory(cap.readers())
                .recordSeparatorPolicy(format.quotedCsv() ? new QuotedCsvRecordPolicy(cap) : new SimpleRecordSeparatorPolicy())
                .linesToSkip(format.hasHeader() ? 1 : 0)
                .skippedLinesCallback(header -> {
                    if (!CdrLineParser.isHeader(header)) {
                        throw new IllegalArgumentException("not a CDR file: the first line must be the header "
                                + String.join(",", CdrLineParser.HEADER));
                    }
                })
                .lineMapper(lines)
                .build(), lines);
    }
}
