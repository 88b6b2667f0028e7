package org.voipguard.cdr;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.core.io.FileSystemResource;
import org.voipguard.imports.QuotedCsvRecordPolicy;

/** Reads a canonical CDR file line by line, the same for the import job and a dry run. */
public final class CdrFiles {

    private CdrFiles() {
    }

    /** A reader of the file's data lines (numbered from 2); opening it checks the header. */
    public static FlatFileItemReader<CdrLine> reader(Path file) {
        return new FlatFileItemReaderBuilder<CdrLine>()
                .name("cdrReader")
                .resource(new FileSystemResource(file))
                .encoding(StandardCharsets.UTF_8.name())
                .recordSeparatorPolicy(new QuotedCsvRecordPolicy())
                .linesToSkip(1)
                .skippedLinesCallback(header -> {
                    if (!CdrLineParser.isHeader(header)) {
                        throw new IllegalArgumentException("not a CDR file: the first line must be the header "
                                + String.join(",", CdrLineParser.HEADER));
                    }
                })
                .lineMapper((line, lineNumber) -> new CdrLine(lineNumber, line))
                .build();
    }
}
