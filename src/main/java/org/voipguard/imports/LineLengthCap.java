package org.voipguard.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.file.BufferedReaderFactory;
import org.voipguard.config.VoipGuardProperties;

/**
 * The longest line (record) an input file may have, {@code voipguard.max-line-length}: every
 * input format reads its lines through {@link #reader}, which never holds more of a line than
 * the cap, and a longer record is rejected with {@link #problem}.
 */
public record LineLengthCap(int maxLength) {

    public LineLengthCap {
        if (maxLength < 1) {
            throw new IllegalArgumentException("voipguard.max-line-length must be at least 1, not " + maxLength);
        }
    }

    public static LineLengthCap of(VoipGuardProperties properties) {
        return new LineLengthCap(properties.maxLineLength());
    }

    /** Why the record is rejected unread; null when it is within the cap. */
    public String problem(String record) {
        return exceeded(record) ? "line longer than " + maxLength + " characters" : null;
    }

    /** True for a record longer than the cap, such as a line the reader cut. */
    public boolean exceeded(String record) {
        return record.length() > maxLength;
    }

    /** For the flat file readers of the import jobs. */
    public BufferedReaderFactory readers() {
        return (resource, encoding) -> reader(resource.getInputStream(), Charset.forName(encoding));
    }

    /** A capped reader of UTF-8 text in which a malformed byte becomes U+FFFD, as the import jobs read it. */
    public BufferedReader reader(Path file) {
        try {
            return reader(Files.newInputStream(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private BufferedReader reader(InputStream in, Charset charset) {
        var decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new CappedLineReader(new InputStreamReader(in, decoder), maxLength);
    }
}
