package org.voipguard.imports;

import java.nio.file.Path;

/**
 * What one file's import did, counted record by record as it went (a quoted cell over several
 * lines is one record), so the counts are exact even when the import was interrupted and
 * restarted, and kept for a file that failed half way: what it stored stays stored.
 *
 * @param counts   the records imported, duplicate and skipped, and the late charges
 * @param rejected       records written to the rejects file
 * @param ruleSetVersion the rule set the import's job compiled at its start; {@code null} when no job ran
 */
public record FileImportResult(
        Path file,
        Status status,
        RecordCounts counts,
        long rejected,
        long alerts,
        Path rejectsFile,
        String message,
        String ruleSetVersion) {

    public enum Status { IMPORTED, ALREADY_IMPORTED, FAILED }

    public static FileImportResult alreadyImported(Path file, String previousPath) {
        return new FileImportResult(file, Status.ALREADY_IMPORTED, RecordCounts.NONE, 0, 0, null,
                "already imported (as " + previousPath + "), skipped", null);
    }

    /** A file that could not be read at all. */
    public static FileImportResult failed(Path file, String message) {
        return new FileImportResult(file, Status.FAILED, RecordCounts.NONE, 0, 0, null, message, null);
    }

    /** Every record read: imported, duplicate, skipped or rejected. */
    public long records() {
        return counts.accepted() + rejected;
    }

    public long imported() {
        return counts.imported();
    }

    public long duplicates() {
        return counts.duplicates();
    }

    public long skipped() {
        return counts.skippedTotal();
    }

    public long lateCharges() {
        return counts.lateCharges();
    }
}
