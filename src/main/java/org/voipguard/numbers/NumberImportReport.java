package org.voipguard.numbers;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one settings import. {@code rejections} holds one entry per bad field (a row
 * may have several); {@code rejectsFile} is {@code null} when nothing was rejected.
 */
public record NumberImportReport(
        Path file,
        int rowsRead,
        int inserted,
        int updated,
        List<SettingsRejection> rejections,
        Path rejectsFile) {

    public NumberImportReport {
        rejections = List.copyOf(rejections);
    }

    /** How many rows were refused, whatever the number of bad fields in each. */
    public int rejectedRows() {
        return (int) rejections.stream().mapToLong(SettingsRejection::line).distinct().count();
    }

    /** {@code numbers import: N read, I new, U updated, R rejected (rejects: PATH)}. */
    public String summary() {
        String summary = "numbers import: " + rowsRead + " read, " + inserted + " new, " + updated + " updated, "
                + rejectedRows() + " rejected";
        return rejectsFile == null ? summary : summary + " (rejects: " + rejectsFile + ")";
    }
}
