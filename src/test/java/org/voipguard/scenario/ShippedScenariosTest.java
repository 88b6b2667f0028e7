package org.voipguard.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.rules.RuleBook;
import org.voipguard.rules.RuleBookLoader;

/**
 * Every scenario analysts wrote in {@code rules/tests/} runs against the shipped rules in the
 * build, one test each, so a rule change that breaks a scenario fails CI.
 */
class ShippedScenariosTest {

    private static final Path RULES = Path.of("rules");
    private static final VoipGuardProperties CONFIGURATION = AnalystTools.shippedConfiguration();

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioPasses() {
        RuleBook rules = new RuleBookLoader().load(RULES);
        ScenarioRunner runner = AnalystTools.runner(CONFIGURATION);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : ScenarioFiles.list(RULES.resolve("tests"))) {
            for (Scenario scenario : ScenarioFiles.read(file, CONFIGURATION.defaults())) {
                tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + scenario.name(), () -> {
                    ScenarioResult result = runner.run(rules, scenario);
                    assertThat(result.passed())
                            .as("%s: %s%n%s", scenario.location(), scenario.name(), String.join("\n", result.differences()))
                            .isTrue();
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void everyShippedRuleFileHasScenarios() {
        List<String> ruleFiles = new RuleBookLoader().load(RULES).files();
        List<String> scenarioFiles = ScenarioFiles.list(RULES.resolve("tests")).stream()
                .map(f -> f.getFileName().toString()).toList();

        for (String ruleFile : ruleFiles) {
            String base = ruleFile.substring(0, ruleFile.length() - ".drl".length());
            assertThat(scenarioFiles).as("scenarios for %s", ruleFile).contains(base + ".yaml");
        }
    }
}
