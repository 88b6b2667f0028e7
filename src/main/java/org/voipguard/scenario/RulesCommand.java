package org.voipguard.scenario;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;
import org.voipguard.command.ExitCodes;
import org.voipguard.command.TopLevelCommand;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.rules.RuleBook;
import org.voipguard.rules.RuleBookLoader;
import org.voipguard.rules.RuleCheck;
import org.voipguard.rules.RuleCompilationException;
import org.voipguard.rules.RuleProblem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The analysts' tools: {@code rules check [DIR]} and {@code rules test [DIR]}. Neither opens the database. */
@Component
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Check that the rule files compile, and run the analysts' scenario tests against them.")
public class RulesCommand implements TopLevelCommand {

    /** Editors write a file in several steps; the check waits for them to settle. */
    private static final long WATCH_SETTLE_MILLIS = 200;

    @Spec
    private CommandSpec spec;

    private final RuleBookLoader loader;
    private final ScenarioRunner runner;
    private final VoipGuardProperties properties;

    public RulesCommand(RuleBookLoader loader, ScenarioRunner runner, VoipGuardProperties properties) {
        this.loader = loader;
        this.runner = runner;
        this.properties = properties;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compile every .drl file of DIR and print each error and warning as file:line:column: message.")
    int check(@Parameters(paramLabel = "DIR", arity = "0..1",
                    description = "the rules directory (default: voipguard.rules-dir)") Path dir,
            @Option(names = "--watch", description = "keep running and check again whenever a .drl file of DIR "
                    + "changes (a check then takes well under a second); stop with Ctrl-C") boolean watch) {
        Path rulesDir = dir == null ? properties.rulesDir() : dir;
        int exit = printCheck(rulesDir);
        if (!watch) {
            return exit;
        }
        try {
            watch(rulesDir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.DONE;
    }

    private int printCheck(Path rulesDir) {
        PrintWriter out = spec.commandLine().getOut();
        RuleCheck check = loader.check(rulesDir);
        check.problems().forEach(out::println);
        int errors = check.errors().size();
        int warnings = check.problems().size() - errors;
        String warningCount = warnings == 0 ? "" : ", " + plural(warnings, "warning");
        if (errors > 0) {
            out.printf("rules check: %s, %s%s (version %s, %d ms)%n", plural(check.files().size(), "file"),
                    plural(errors, "error"), warningCount, check.version(), check.took().toMillis());
            return ExitCodes.FAILED;
        }
        out.printf("rules check: %s, %s, no errors%s (version %s, %d ms)%n", plural(check.files().size(), "file"),
                plural(check.rules(), "rule"), warningCount, check.version(), check.took().toMillis());
        return ExitCodes.DONE;
    }

    /** Checks again after each change to a rule file; an editor's burst of events counts once. */
    private void watch(Path rulesDir) throws InterruptedException {
        try (WatchService watcher = rulesDir.getFileSystem().newWatchService()) {
            rulesDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            spec.commandLine().getOut().println("rules check: watching " + rulesDir + " (Ctrl-C to stop)");
            while (true) {
                WatchKey key = watcher.take();
                boolean ruleFileChanged = touchesRuleFile(key);
                key.reset();
                Thread.sleep(WATCH_SETTLE_MILLIS);
                for (WatchKey more = watcher.poll(); more != null; more = watcher.poll()) {
                    ruleFileChanged |= touchesRuleFile(more);
                    more.reset();
                }
                if (ruleFileChanged) {
                    printCheck(rulesDir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + rulesDir, e);
        }
    }

    private static boolean touchesRuleFile(WatchKey key) {
        return key.pollEvents().stream().anyMatch(event -> event.kind() == StandardWatchEventKinds.OVERFLOW
                || event.context().toString().endsWith(".drl"));
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run the scenarios of DIR/tests/*.yaml against the rules of DIR and print PASS or what differs.")
    int test(@Parameters(paramLabel = "DIR", arity = "0..1",
                    description = "the rules directory (default: voipguard.rules-dir)") Path dir,
            @Option(names = "--tests", paramLabel = "TESTDIR",
                    description = "where the scenario files are (default: DIR/tests)") Path testsDir) {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        Path rulesDir = dir == null ? properties.rulesDir() : dir;
        Path scenariosDir = testsDir == null ? rulesDir.resolve("tests") : testsDir;
        RuleBook rules;
        try {
            rules = loader.load(rulesDir);
        } catch (RuleCompilationException e) {
            e.problems().forEach(out::println);
            out.println("rules test: the rules do not load: " + e.getMessage().lines().findFirst().orElse(""));
            return ExitCodes.FAILED;
        }
        List<Path> files = ScenarioFiles.list(scenariosDir);
        if (files.isEmpty()) {
            out.println("rules test: no scenario files (*.yaml) in " + scenariosDir);
            return ExitCodes.FAILED;
        }
        Tally tally = new Tally();
        for (Path file : files) {
            runFile(out, rules, file, tally);
        }
        out.printf("rules test: %s in %s, %d passed, %d failed (rules %s, %d ms)%n", plural(tally.run, "scenario"),
                plural(files.size(), "file"), tally.run - tally.failed, tally.failed, rules.version(),
                (System.nanoTime() - started) / 1_000_000);
        return tally.failed == 0 ? ExitCodes.DONE : ExitCodes.FAILED;
    }

    private void runFile(PrintWriter out, RuleBook rules, Path file, Tally tally) {
        List<Scenario> scenarios;
        try {
            scenarios = ScenarioFiles.read(file, properties.defaults());
        } catch (ScenarioFormatException e) {
            out.println("ERROR " + e.getMessage());
            tally.run++;
            tally.failed++;
            return;
        }
        for (Scenario scenario : scenarios) {
            ScenarioResult result = runner.run(rules, scenario);
            tally.run++;
            if (result.passed()) {
                out.println("PASS  " + scenario.location() + ": " + scenario.name());
            } else {
                tally.failed++;
                out.println("FAIL  " + scenario.location() + ": " + scenario.name());
                result.differences().forEach(line -> out.println("      " + line));
            }
        }
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** Scenarios run and failed; a scenario file that cannot be read counts as one failed. */
    private static final class Tally {
        private int run;
        private int failed;
    }
}
