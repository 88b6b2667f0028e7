package org.voipguard.registration;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.file.LineMapper;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.item.file.separator.SimpleRecordSeparatorPolicy;
import org.springframework.core.io.FileSystemResource;
import org.voipguard.imports.LineLengthCap;
import org.voipguard.imports.QuotedCsvRecordPolicy;
import org.voipguard.imports.UnfinishedRecordTolerantReader;

/** Reads a registration log line by line, the same for the import job and a dry run. */
public final class RegistrationFiles {

    private RegistrationFiles() {
    }

    /**
     * A reader of the log's lines with their line numbers; opening it checks the CSV header. A
     * line longer than the cap is read only in part and comes with its rejection.
     */
    public static UnfinishedRecordTolerantReader<RegistrationLine> reader(Path file, LogFormat format, LineLengthCap cap) {
        boolean header = format.hasHeader();
        LineMapper<RegistrationLine> lines =
                (line, lineNumber) -> new RegistrationLine(lineNumber, line, cap.problem(line));
        return new UnfinishedRecordTolerantReader<>(new FlatFileItemReaderBuilder<RegistrationLine>()
                .name("registrationReader")
                .resource(new FileSystemResource(file))
                .encoding(StandardCharsets.UTF_8.name())
                .bufferedReaderFactory(cap.readers())
                .recordSeparatorPolicy(header ? new QuotedCsvRecordPolicy(cap) : new SimpleRecordSeparatorPolicy())
                .linesToSkip(header ? 1 : 0)
                .skippedLinesCallback(new RegistrationCsvLineParser()::validateHeader)
                .lineMapper(lines)
                .build(), lines);
    }
}
