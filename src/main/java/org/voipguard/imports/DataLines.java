package org.voipguard.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Counts the records of an input file: its non-blank lines after the header. */
public final class DataLines {

    private DataLines() {
    }

    public static long count(Path file) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            long count = 0;
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (header) {
                    header = false;
                } else if (!line.isBlank()) {
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
