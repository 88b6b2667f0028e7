package org.voipguard.imports;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.ToLongFunction;

import org.voipguard.command.ExitCodes;
import org.voipguard.text.UntrustedText;

/** Prints the outcome of an import run: a line per file and one summary line, file names and messages escaped. */
public final class ImportReport {

    private ImportReport() {
    }

    public static void printFile(PrintWriter out, String command, FileImportResult r) {
        String file = UntrustedText.escape(r.file());
        String message = UntrustedText.escape(r.message());
        switch (r.status()) {
            case IMPORTED -> out.printf("%s: %s: %s%n", command, file, counts(r));
            case ALREADY_IMPORTED -> out.printf("%s: %s: %s%n", command, file, message);
            case FAILED -> out.printf("%s: %s: FAILED: %s%s%n", command, file, message,
                    r.records() == 0 ? "" : "; before it failed: " + counts(r));
        }
    }

    /** E.g. {@code 5 records, 3 imported, 1 duplicates, 1 skipped (1 ChallengeSent), 0 rejected, 2 alerts}. */
    private static String counts(FileImportResult r) {
        return "%d records, %d imported, %d duplicates%s, %d rejected%s%s, %d alerts".formatted(r.records(),
                r.imported(), r.duplicates(),
                r.skipped() == 0 ? "" : ", " + r.skipped() + " skipped (" + r.counts().describeSkipped() + ")",
                r.rejected(), r.rejectsFile() == null ? "" : " (see " + UntrustedText.escape(r.rejectsFile()) + ")",
                r.lateCharges() == 0 ? "" : ", " + r.lateCharges() + " late charges", r.alerts());
    }

    /** Totals over every file, failed ones included: what a failed file stored stays stored. */
    public static String summary(List<FileImportResult> results) {
        long files = results.stream().filter(r -> r.status() == FileImportResult.Status.IMPORTED).count();
        long alreadyImported = results.stream().filter(r -> r.status() == FileImportResult.Status.ALREADY_IMPORTED).count();
        long failed = results.stream().filter(r -> r.status() == FileImportResult.Status.FAILED).count();
        long skipped = sum(results, FileImportResult::skipped);
        long lateCharges = sum(results, FileImportResult::lateCharges);
        return "%d files imported, %d skipped, %d failed; %d records read, %d imported, %d duplicates%s, %d rejected%s, %d alerts"
                .formatted(files, alreadyImported, failed, sum(results, FileImportResult::records),
                        sum(results, FileImportResult::imported), sum(results, FileImportResult::duplicates),
                        skipped == 0 ? "" : ", " + skipped + " records skipped",
                        sum(results, FileImportResult::rejected),
                        lateCharges == 0 ? "" : ", " + lateCharges + " late charges",
                        sum(results, FileImportResult::alerts));
    }

    /** The rule sets the imports' jobs ran with: one, unless an analyst changed the rules during the run. */
    public static Optional<String> ruleSetVersions(List<FileImportResult> results) {
        String versions = results.stream().map(FileImportResult::ruleSetVersion).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(", "));
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions);
    }

    private static long sum(List<FileImportResult> results, ToLongFunction<FileImportResult> count) {
        return results.stream().mapToLong(count).sum();
    }

    public static int exitCode(List<FileImportResult> results) {
        return results.stream().anyMatch(r -> r.status() == FileImportResult.Status.FAILED)
                ? ExitCodes.FAILED : ExitCodes.DONE;
    }
}
