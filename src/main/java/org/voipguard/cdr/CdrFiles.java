package org.voipguard.cdr;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.file.LineMapper;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.core.io.FileSystemResource;
import org.voipguard.imports.LineLengthCap;
import org.voipguard.imports.QuotedCsvRecordPolicy;
import org.voipguard.imports.UnfinishedRecordTolerantReader;

/** Reads a canonical CDR file line by line, the same for the import job and a dry run. */
public final class CdrFiles {

    private CdrFiles() {
    }

    /**
     * A reader of the file's data lines (numbered from 2); opening it checks the header. A line
     * longer than the cap is read only in part and comes with its rejection.
     */
    public static UnfinishedRecordTolerantReader<CdrLine> reader(Path file, LineLengthCap cap) {
        LineMapper<CdrLine> lines = (line, lineNumber) -> new CdrLine(lineNumber, line, cap.problem(line));
        return new UnfinishedRecordTolerantReader<>(new FlatFileItemReaderBuilder<CdrLine>()
                .name("cdrReader")
                .resource(new FileSystemResource(file))
                .encoding(StandardCharsets.UTF_8.name())
                .bufferedReaderFactory(cap.readers())
                .recordSeparatorPolicy(new QuotedCsvRecordPolicy(cap))
                .linesToSkip(1)
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
