package org.voipguard.imports;

import java.nio.file.Path;

/**
 * What one file's import did. Counts come from the database, so they are exact even when
 * the import was interrupted and restarted.
 *
 * @param lines      records in the file (non-blank lines after the header)
 * @param imported   records stored by this import
 * @param duplicates records already stored by an earlier import (same call id or event)
 * @param rejected   records written to the rejects file
 * @param lateCharges calls for a month that month-end had already closed
 */
public record FileImportResult(
        Path file,
        Status status,
        long lines,
        long imported,
        long duplicates,
        long rejected,
        long lateCharges,
        long alerts,
        Path rejectsFile,
        String message) {

    public enum Status { IMPORTED, ALREADY_IMPORTED, FAILED }

    public static FileImportResult alreadyImported(Path file, String previousPath) {
        return new FileImportResult(file, Status.ALREADY_IMPORTED, 0, 0, 0, 0, 0, 0, null,
                "already imported (as " + previousPath + "), skipped");
    }

    public static FileImportResult failed(Path file, String message) {
        return new FileImportResult(file, Status.FAILED, 0, 0, 0, 0, 0, 0, null, message);
    }
}
