package org.voipguard.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.SpringApplication;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.command.ExitCodes;
import org.voipguard.rules.ForbiddenRules.ForbiddenRule;

/** {@code rules check} and {@code rules test} as an analyst runs them, in the small context without a database. */
class RulesCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void theRulesCommandsStartWithoutADatabase() {
        try (var context = new SpringApplication(RulesToolApplication.class).run()) {
            assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
            assertThat(context.getBeanNamesForType(RulesCommand.class)).hasSize(1);
        }
    }

    @Test
    void checkingTheShippedRulesPrintsOneSummaryLine() {
        int exit = run("rules", "check", "rules");

        assertThat(exit).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString().strip())
                .matches("rules check: 10 files, \\d+ rules, no errors \\(version [0-9a-f]{12}, \\d+ ms\\)");
    }

    @Test
    void aBrokenRuleFileFailsTheCheckWithItsFileAndLine() throws IOException {
        Path rules = copyOfShippedRules();
        Files.writeString(rules.resolve("price-limits.drl"),
                Files.readString(rules.resolve("price-limits.drl")).replace("pricePpm > nationalLimitPpm )", "pricePpm > nationalLimitPpm ))"));

        int exit = run("rules", "check", rules.toString());

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).startsWith(rules.resolve("price-limits.drl") + ":17:")
                .contains(": error: ")
                .containsPattern("rules check: 10 files, \\d+ errors? \\(version");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("org.voipguard.rules.ForbiddenRules#ALL")
    void aRuleThatReachesPastItsFactsFailsTheCheckWithItsFileAndLine(ForbiddenRule forbidden) throws IOException {
        Path rules = copyOfShippedRules();
        String place = forbidden.writeInto(rules);

        int exit = run("rules", "check", rules.toString());

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).startsWith(place).contains(": error: ")
                .containsPattern("rules check: 11 files, 1 error \\(version");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("org.voipguard.rules.ForbiddenRules#ALL")
    void aRuleThatReachesPastItsFactsIsNotTestedButRefused(ForbiddenRule forbidden) throws IOException {
        Path rules = copyOfShippedRules();
        String place = forbidden.writeInto(rules);

        int exit = run("rules", "test", rules.toString());

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).startsWith(place).doesNotContain("PASS")
                .contains("rules test: the rules do not load: rules in " + rules + " use what rules may not use");
    }

    @Test
    void theAllowedTypesSettingLetsRulesUseAClass() throws IOException {
        Path rules = copyOfShippedRules();
        Files.writeString(rules.resolve("shouting.drl"), """
                package org.voipguard.policies;

                import org.voipguard.rules.facts.OutgoingCall;
                import java.util.Locale;

                global org.voipguard.rules.AlertCollector alerts;

                rule "Calls to numbers with letters"
                when
                    $call : OutgoingCall( dialled.toUpperCase(Locale.ROOT).matches(".*[A-Z].*") )
                then
                    alerts.raise(kcontext, "LETTERS", $call);
                end
                """);

        int withoutSetting = run("rules", "check", rules.toString());
        String refused = out.toString();
        int withSetting = run("rules", "check", rules.toString(), "--voipguard.rules.allowed-types=java.util.Locale");

        assertThat(withoutSetting).isEqualTo(ExitCodes.FAILED);
        assertThat(refused).startsWith(rules.resolve("shouting.drl") + ":4:")
                .contains("java.util.Locale is not a type rules may use");
        assertThat(withSetting).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).containsPattern("rules check: 11 files, \\d+ rules, no errors");
    }

    @Test
    void watchingChecksAgainWhenARuleFileChanges() throws Exception {
        Path rules = copyOfShippedRules();
        Thread watcher = new Thread(() -> run("rules", "check", "--watch", rules.toString()));
        watcher.start();
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> out.toString().contains("watching"));
            Files.writeString(rules.resolve("price-limits.drl"), "rule \"Half written\" when");

            await().atMost(Duration.ofMinutes(2)).until(() -> out.toString().contains(": error: "));
        } finally {
            watcher.interrupt();
            watcher.join(Duration.ofMinutes(1).toMillis());
        }
        assertThat(out.toString()).containsPattern("rules check: 10 files, \\d+ rules, no errors")
                .contains(rules.resolve("price-limits.drl") + ":1:");
    }

    @Test
    void theShippedScenariosPass() {
        int exit = run("rules", "test", "rules");

        assertThat(exit).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString())
                .contains("PASS  rules/tests/satellite-calls.yaml:3: A satellite call is reported even when the price limits allow it")
                .doesNotContain("FAIL")
                .containsPattern("rules test: \\d+ scenarios in 10 files, \\d+ passed, 0 failed \\(rules [0-9a-f]{12}, \\d+ ms\\)");
    }

    @Test
    void aRuleChangeThatBreaksAScenarioFailsTheTestAndShowsTheDifference() throws IOException {
        Path rules = copyOfShippedRules();
        Files.delete(rules.resolve("satellite-calls.drl"));

        int exit = run("rules", "test", rules.toString());

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString())
                .contains("FAIL  " + rules.resolve("tests/satellite-calls.yaml") + ":3: A satellite call is reported")
                .contains("      expected but not raised: SATELLITE_CALL +441632960001 (rule \"Call to a satellite network number\")")
                .contains("FAIL  " + rules.resolve("tests/call-patterns.yaml"))
                .containsPattern("\\d+ passed, 3 failed");
    }

    @Test
    void noScenariosIsAFailureNotASilentPass() throws IOException {
        Path rules = copyOfShippedRules();
        try (var tests = Files.list(rules.resolve("tests"))) {
            for (Path test : tests.toList()) {
                Files.delete(test);
            }
        }

        assertThat(run("rules", "test", rules.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("no scenario files");
    }

    private int run(String... args) {
        return CommandLineLauncher.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path copyOfShippedRules() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules/tests"));
        try (var shipped = Files.list(Path.of("rules"))) {
            for (Path file : shipped.filter(Files::isRegularFile).toList()) {
                Files.copy(file, rules.getParent().resolve(file.getFileName()));
            }
        }
        try (var tests = Files.list(Path.of("rules", "tests"))) {
            for (Path file : tests.toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        return rules.getParent();
    }
}
