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

    public int importAll(PrintWriter out, String command, List<Path> paths, boolean sendEmails,
            Function<Path, FileImportResult> importer) {
        List<Path> files = InputFiles.expand(paths);
        String ruleSetVersion = rules.current().version();
        List<FileImportResult> results = new ArrayList<>();
        for (Path file : files) {
            FileImportResult result = importer.apply(file);
            ImportReport.printFile(out, command, result);
            results.add(result);
        }
        out.printf("%s: %s (rules %s)%n", command, ImportReport.summary(results), ruleSetVersion);
        int exitCode = ImportReport.exitCode(results);
        if (sendEmails) {
            var delivery = mailer.sendPending();
            out.println(command + ": " + delivery);
            if (delivery.stillPending() > 0) {
                out.printf("%s: %d emails not sent yet: they stay pending and 'emails send' or the next run sends "
                        + "them%n", command, delivery.stillPending());
                exitCode = ExitCodes.FAILED;
            }
        }
        return exitCode;
    }
}
