package org.voipguard.imports;

import java.io.PrintWriter;
import java.util.List;

import org.voipguard.cli.ExitCodes;
import org.voipguard.text.UntrustedText;

/** Prints the outcome of an import run: a line per file and one summary line, file names and messages escaped. */
public final class ImportReport {

    private ImportReport() {
    }

    public static void printFile(PrintWriter out, String command, FileImportResult r) {
        String file = UntrustedText.escape(r.file());
        String message = UntrustedText.escape(r.message());
        switch (r.status()) {
            case IMPORTED -> out.printf("%s: %s: %d lines, %d imported, %d duplicates, %d rejected%s%s, %d alerts%n",
                    command, file, r.lines(), r.imported(), r.duplicates(), r.rejected(),
                    r.rejectsFile() == null ? "" : " (see " + UntrustedText.escape(r.rejectsFile()) + ")",
                    r.lateCharges() == 0 ? "" : ", " + r.lateCharges() + " late charges", r.alerts());
            case ALREADY_IMPORTED -> out.printf("%s: %s: %s%n", command, file, message);
            case FAILED -> out.printf("%s: %s: FAILED: %s%n", command, file, message);
        }
    }

    public static String summary(List<FileImportResult> results) {
        long files = results.stream().filter(r -> r.status() == FileImportResult.Status.IMPORTED).count();
        long skipped = results.stream().filter(r -> r.status() == FileImportResult.Status.ALREADY_IMPORTED).count();
        long failed = results.stream().filter(r -> r.status() == FileImportResult.Status.FAILED).count();
        long lateCharges = results.stream().mapToLong(FileImportResult::lateCharges).sum();
        return "%d files imported, %d skipped, %d failed; %d lines read, %d imported, %d rejected%s, %d alerts".formatted(
                files, skipped, failed, results.stream().mapToLong(FileImportResult::lines).sum(),
                results.stream().mapToLong(FileImportResult::imported).sum(),
                results.stream().mapToLong(FileImportResult::rejected).sum(),
                lateCharges == 0 ? "" : ", " + lateCharges + " late charges",
                results.stream().mapToLong(FileImportResult::alerts).sum());
    }

    public static int exitCode(List<FileImportResult> results) {
        return results.stream().anyMatch(r -> r.status() == FileImportResult.Status.FAILED)
                ? ExitCodes.FAILED : ExitCodes.DONE;
    }
}
