package org.voipguard.imports;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.voipguard.command.ExitCodes;
import org.voipguard.command.Failures;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.rules.ActiveRuleBook;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.rules.RuleRuntimeException;
import org.voipguard.text.UntrustedText;

/**
 * What every {@code --dry-run} does around its in-memory evaluation: compile the rules, evaluate
 * the files in order, print each alert the run would raise, a line per file and a summary.
 * Nothing is written: no table, no job, no rejects file, no email.
 */
@Component
public class DryRunSupport {

    /** Rejected lines shown per file; the rest are counted. */
    static final int REJECTS_SHOWN = 10;

    private final ActiveRuleBook rules;
    private final ImportedFiles importedFiles;
    private final VoipGuardProperties properties;

    public DryRunSupport(ActiveRuleBook rules, ImportedFiles importedFiles, VoipGuardProperties properties) {
        this.rules = rules;
        this.importedFiles = importedFiles;
        this.properties = properties;
    }

    /**
     * @param kind     the import kind, to say when a file was imported before
     * @param evaluate evaluates one file; called in file order, so it may carry state from file to file
     */
    public int evaluateAll(PrintWriter out, String command, String kind, List<Path> paths,
            Function<Path, EvaluatedFile> evaluate) {
        String label = command + " --dry-run";
        InputFiles.Inputs inputs = InputFiles.collect(paths);
        String version = rules.current().version();
        inputs.leftAlone().forEach(entry -> out.printf("%s: %s: left alone: %s%n", label,
                UntrustedText.escape(entry.entry()), entry.reason()));
        List<EvaluatedFile> results = new ArrayList<>();
        int failed = 0;
        for (Path file : inputs.files().stream().map(InputFiles.InputFile::file).toList()) {
            EvaluatedFile result;
            try {
                previousImport(kind, file).ifPresent(previous -> out.printf(
                        "%s: %s: imported before (as %s); a real import would skip it, here what it stored counts as duplicates%n",
                        label, UntrustedText.escape(file), UntrustedText.escape(previous)));
                result = evaluate.apply(file);
            } catch (RuntimeException e) {
                out.printf("%s: %s: FAILED: %s%n", label, UntrustedText.escape(file), UntrustedText.escape(rootMessage(e)));
                failed++;
                continue;
            }
            printFile(out, label, file, result);
            results.add(result);
        }
        out.printf("%s: %d files evaluated, %d failed; %d records read, %d rejected, %d alerts would be raised; "
                        + "nothing was stored or sent (rules %s)%n", label, results.size(), failed,
                results.stream().mapToLong(EvaluatedFile::records).sum(),
                results.stream().mapToLong(r -> r.rejected().size()).sum(),
                results.stream().mapToLong(r -> r.alerts().size()).sum(), version);
        return failed > 0 ? ExitCodes.FAILED : ExitCodes.DONE;
    }

    private void printFile(PrintWriter out, String label, Path file, EvaluatedFile result) {
        for (RaisedAlert alert : result.alerts()) {
            out.println("  would raise " + UntrustedText.escape(alert.describe()));
        }
        List<RejectedLines.Rejection> rejected = result.rejected();
        rejected.stream().limit(REJECTS_SHOWN).forEach(r -> out.printf("  would reject line %d: %s: %s%n",
                r.lineNumber(), r.field(), UntrustedText.escape(r.reason())));
        if (rejected.size() > REJECTS_SHOWN) {
            out.printf("  ... and %d more rejected lines%n", rejected.size() - REJECTS_SHOWN);
        }
        out.printf("%s: %s: %d records, %d evaluated, %d duplicates%s, %d rejected, %d alerts%s%n", label,
                UntrustedText.escape(file), result.records(), result.evaluated(), result.duplicates(),
                result.skipped() == 0 ? "" : ", " + result.skipped() + " skipped", rejected.size(),
                result.alerts().size(), tooManyRejected(result) ? "; a real import would FAIL: more than "
                        + Math.round(100 * properties.maxRejectedShare()) + "% of its records are rejected" : "");
    }

    private boolean tooManyRejected(EvaluatedFile result) {
        return result.records() > 0
                && (double) result.rejected().size() / result.records() > properties.maxRejectedShare();
    }

    private Optional<String> previousImport(String kind, Path file) {
        return importedFiles.previousImport(kind, ImportedFiles.sha256(file));
    }

    private static String rootMessage(Throwable e) {
        return Failures.rootMessage(e, RuleRuntimeException.class);
    }
}
