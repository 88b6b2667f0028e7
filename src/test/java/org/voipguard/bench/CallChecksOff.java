package org.voipguard.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.thresholds.Thresholds;

/**
 * The cost of the call-pattern checks, measured in the same run as the import they are part
 * of: the CDR file is imported once with the thresholds file moved out of the rules folder
 * (every call check off: nothing counted, nothing read back), then everything that import
 * stored is deleted (not timed) and the real {@code cdrs import} runs with the shipped
 * thresholds. The copy imported first ends with one blank line more, so it is another file
 * with the same records.
 */
final class CallChecksOff {

    private static final List<String> CDR_IMPORT_TABLES = List.of("cdr", "uncharged_batch", "monthly_spend",
            "alert", "rejected_line", "imported_file", "cdr_open_call");

    private CallChecksOff() {
    }

    /** The shipped rules and thresholds copied to a folder of the run, whose thresholds file the benchmark moves. */
    static Path copyOfShippedRules(Path folder) {
        try {
            Files.createDirectories(folder);
            try (var shipped = Files.list(Path.of("rules"))) {
                for (Path file : shipped.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return folder.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports a copy of the CDR file with the thresholds file out of the rules folder; -1 when it failed. */
    static long importWithout(ConfigurableApplicationContext context, Path rulesDir, BenchData.Written data,
            Predicate<String[]> command) {
        Path thresholds = rulesDir.resolve(Thresholds.FILE_NAME);
        Path aside = rulesDir.resolve(Thresholds.FILE_NAME + ".off");
        try {
            Path copy = data.cdrFile().resolveSibling("cdrs-call-checks-off.csv");
            Files.copy(data.cdrFile(), copy, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(copy, "\n", StandardOpenOption.APPEND);
            Files.move(thresholds, aside, StandardCopyOption.REPLACE_EXISTING);
            try {
                return command.test(new String[] {"cdrs", "import", "--no-email", copy.toString()}) ? data.cdrLines() : -1;
            } finally {
                Files.move(aside, thresholds, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes what the import stored, so the next one starts from the same database. */
    static void forgetTheImport(JdbcTemplate jdbc) {
        CDR_IMPORT_TABLES.forEach(table -> jdbc.update("DELETE FROM " + table));
    }

    static void printCost(Benchmark.Phase off, Benchmark.Phase on, PrintWriter out) {
        out.printf(Locale.ROOT, "cdrs import vs call checks off: %.3f of its records/s, %.3f of its records/cpu s%n",
                on.perSecond() / off.perSecond(), on.perCpuSecond() / off.perCpuSecond());
    }
}
