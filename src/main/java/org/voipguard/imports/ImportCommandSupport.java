package org.voipguard.imports;

import static org.voipguard.text.UntrustedText.escape;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.voipguard.command.ExitCodes;
import org.voipguard.notification.Mailer;
import org.voipguard.rules.ActiveRuleBook;

/**
 * What every import command does around its importer: compile the rules first (a rule that
 * does not compile stops the run before any file is read), import the files in order, print a
 * line per file and a summary, then send the emails the run created.
 */
@Component
public class ImportCommandSupport {

    private final ActiveRuleBook rules;
    private final Mailer mailer;

    public ImportCommandSupport(ActiveRuleBook rules, Mailer mailer) {
        this.rules = rules;
        this.mailer = mailer;
    }

    /** What happened to the entries of the drop folders, for the run's last lines. */
    private static final class DropFolderTally {
        int processed;
        int failed;
        int left;

        boolean any() {
            return processed + failed + left > 0;
        }
    }

    /**
     * Imports the files in order. Files found in a folder are moved when done: to
     * {@code processed/}, or to {@code failed/} with the reason (see {@link Inbox}); files
     * named on the command line stay where they are. A file that changed while it was read
     * stays too, for the next run to read again; so do links and files that cannot be moved.
     */
    public int importAll(PrintWriter out, String command, List<Path> paths, boolean sendEmails,
            Function<Path, FileImportResult> importer) {
        InputFiles.Inputs inputs = InputFiles.collect(paths);
        String ruleSetVersion = rules.current().version();
        DropFolderTally tally = new DropFolderTally();
        for (InputFiles.LeftAlone entry : inputs.leftAlone()) {
            out.printf("%s: %s: left alone: %s%n", command, escape(entry.entry()), entry.reason());
            tally.left++;
        }
        List<FileImportResult> results = new ArrayList<>();
        for (InputFiles.InputFile input : inputs.files()) {
            FileStamp before = FileStamp.of(input.file());
            FileImportResult result = importer.apply(input.file());
            FileStamp after = FileStamp.of(input.file());
            ImportReport.printFile(out, command, result);
            results.add(result);
            if (!after.equals(before)) {
                reportChanged(out, command, input, after.changeSince(before), tally);
            } else if (input.fromInbox()) {
                moveOut(out, command, input, result, tally);
            }
        }
        out.printf("%s: %s (rules %s)%n", command, ImportReport.summary(results),
                ImportReport.ruleSetVersions(results).orElse(ruleSetVersion));
        if (tally.any()) {
            out.printf("%s: drop folder: %d files moved to %s/, %d to %s/%s%n", command, tally.processed,
                    Inbox.PROCESSED, tally.failed, Inbox.FAILED,
                    tally.left == 0 ? "" : "; " + tally.left + " left in the drop folder (see above)");
        }
        int exitCode = ImportReport.exitCode(results);
        return sendEmails ? send(out, command, exitCode) : exitCode;
    }

    /**
     * What was read may lack what was written meanwhile, so the file is not moved: the next run
     * reads it again as a new file (its content is new), the records already stored as duplicates.
     */
    private static void reportChanged(PrintWriter out, String command, InputFiles.InputFile input, String change,
            DropFolderTally tally) {
        out.printf("%s: %s: changed while it was read (%s): %s; records already stored count as duplicates%n",
                command, escape(input.file()), escape(change), input.fromInbox()
                        ? "left in the drop folder: the next run imports it again" : "import it again to read the rest");
        if (input.fromInbox()) {
            tally.left++;
        }
    }

    private static void moveOut(PrintWriter out, String command, InputFiles.InputFile input, FileImportResult result,
            DropFolderTally tally) {
        boolean failed = result.status() == FileImportResult.Status.FAILED;
        try {
            Path moved = failed ? Inbox.failed(input, escape(result.message())) : Inbox.processed(input);
            if (failed) {
                out.printf("%s: moved %s to %s (reason in %s.reason.txt)%n", command, escape(input.file()),
                        escape(moved), escape(moved.getFileName()));
            }
        } catch (Inbox.NotMovedException e) {
            out.printf("%s: %s: %s%n", command, escape(input.file()), escape(e.getMessage()));
            tally.left++;
            return;
        } catch (UncheckedIOException e) {
            out.printf("%s: %s: %s: %s%n", command, escape(input.file()), escape(e.getMessage()),
                    escape(e.getCause().getMessage()));
            tally.left++;
            return;
        }
        if (failed) {
            tally.failed++;
        } else {
            tally.processed++;
        }
    }

    private int send(PrintWriter out, String command, int exitCode) {
        var delivery = mailer.sendPending();
        out.println(command + ": " + delivery);
        delivery.refusals().forEach(refusal -> out.println(command + ": " + escape(refusal.describe())));
        if (delivery.stillPending() > 0) {
            out.printf("%s: %d emails not sent yet: they stay pending and 'emails send' or the next run sends "
                    + "them%n", command, delivery.stillPending());
        }
        return delivery.needsAttention() ? ExitCodes.FAILED : exitCode;
    }
}
