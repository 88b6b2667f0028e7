package org.voipguard.imports;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.voipguard.cli.ExitCodes;
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

    /**
     * Imports the files in order. Files found in a folder are moved when done: to
     * {@code processed/}, or to {@code failed/} with the reason (see {@link Inbox}); files
     * named on the command line stay where they are.
     */
    public int importAll(PrintWriter out, String command, List<Path> paths, boolean sendEmails,
            Function<Path, FileImportResult> importer) {
        List<InputFiles.InputFile> files = InputFiles.collect(paths);
        String ruleSetVersion = rules.current().version();
        List<FileImportResult> results = new ArrayList<>();
        int processed = 0;
        int failed = 0;
        for (InputFiles.InputFile input : files) {
            FileImportResult result = importer.apply(input.file());
            ImportReport.printFile(out, command, result);
            results.add(result);
            if (input.fromInbox() && result.status() == FileImportResult.Status.FAILED) {
                Path moved = Inbox.failed(input, result.message());
                out.printf("%s: moved %s to %s (reason in %s.reason.txt)%n", command, input.file(), moved,
                        moved.getFileName());
                failed++;
            } else if (input.fromInbox()) {
                Inbox.processed(input);
                processed++;
            }
        }
        out.printf("%s: %s (rules %s)%n", command, ImportReport.summary(results), ruleSetVersion);
        if (processed + failed > 0) {
            out.printf("%s: drop folder: %d files moved to %s/, %d to %s/%n", command, processed, Inbox.PROCESSED,
                    failed, Inbox.FAILED);
        }
        int exitCode = ImportReport.exitCode(results);
        if (sendEmails) {
            var delivery = mailer.sendPending();
            out.println(command + ": " + delivery);
            delivery.refusals().forEach(refusal -> out.println(command + ": " + refusal.describe()));
            if (delivery.stillPending() > 0) {
                out.printf("%s: %d emails not sent yet: they stay pending and 'emails send' or the next run sends "
                        + "them%n", command, delivery.stillPending());
            }
            if (delivery.needsAttention()) {
                exitCode = ExitCodes.FAILED;
            }
        }
        return exitCode;
    }
}
