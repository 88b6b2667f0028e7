package org.voipguard.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.rules.RuleBook;
import org.voipguard.rules.RuleBookLoader;

class ScenarioRunnerTest {

    private static final VoipGuardProperties CONFIGURATION = AnalystTools.defaults();
    private static final ScenarioRunner RUNNER = AnalystTools.runner(CONFIGURATION);

    @TempDir
    Path dir;

    @Test
    void aRuleThatGetsTheBoundaryWrongFailsTheScenarioThatPinsIt() throws IOException {
        Path rules = shippedRulesWith("price-limits.drl", "pricePpm > nationalLimitPpm", "pricePpm >= nationalLimitPpm");
        Scenario atTheLimit = scenario("""
                - scenario: A UK call priced exactly at the limit is allowed
                  cdrs: |
                    p1-2,+441632960001,OUT,2026-11-02T10:00:00Z,60,01632960999,20,,200
                  expect: none
                """);

        ScenarioResult result = RUNNER.run(new RuleBookLoader().load(rules), atTheLimit);

        assertThat(result.passed()).isFalse();
        assertThat(result.differences()).singleElement().asString()
                .startsWith("raised but not expected: RATE_LIMIT_EXCEEDED +441632960001 "
                        + "(rule \"National call priced above the number's national limit\")")
                .contains("price_ppm=20", "limit_ppm=20");
    }

    @Test
    void anExpectedAlertThatIsNotRaisedIsNamed() {
        Scenario scenario = scenario("""
                - scenario: Expects too much
                  cdrs: |
                    p1-3,+441632960001,OUT,2026-11-02T10:00:00Z,60,01632960999,3,,200
                  expect:
                    - type: RATE_LIMIT_EXCEEDED
                      number: +441632960001
                      rule: National call priced above the number's national limit
                """);

        ScenarioResult result = RUNNER.run(shipped(), scenario);

        assertThat(result.differences()).containsExactly("expected but not raised: RATE_LIMIT_EXCEEDED +441632960001 "
                + "(rule \"National call priced above the number's national limit\")");
    }

    @Test
    void aRowTheImportWouldRejectFailsTheScenarioAtItsLine() {
        Scenario scenario = scenario("""
                - scenario: Typo in a row
                  cdrs: |
                    call_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status
                    p1-4,+441632960001,OUT,2026-11-02 10:00,60,01632960999,3,,200
                  expect: none
                """);

        ScenarioResult result = RUNNER.run(shipped(), scenario);

        assertThat(result.passed()).isFalse();
        assertThat(result.error()).startsWith("line 4: cdrs row rejected: start_time:");
    }

    @Test
    void alertsOfWhatHappenedBeforeAreNotChecked() {
        Scenario scenario = scenario("""
                - scenario: Second registration from a new address
                  before:
                    registrations: |
                      2026-11-01T10:00:00Z,+441632960001,198.51.100.20,5060,UDP,snom300,OK,3600
                  registrations: |
                    2026-11-02T10:00:00Z,+441632960001,198.51.100.21,5060,UDP,snom300,OK,3600
                  expect:
                    - type: NEW_IP
                      number: +441632960001
                """);

        ScenarioResult result = RUNNER.run(shipped(), scenario);

        assertThat(result.passed()).as(String.join("\n", result.differences())).isTrue();
        assertThat(result.raised()).hasSize(1);
    }

    private Scenario scenario(String yaml) {
        try {
            Path file = Files.writeString(dir.resolve("scenario.yaml"), yaml);
            return ScenarioFiles.read(file, CONFIGURATION.defaults()).get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RuleBook shipped() {
        return new RuleBookLoader().load(Path.of("rules"));
    }

    private Path shippedRulesWith(String file, String from, String to) throws IOException {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        try (var shipped = Files.list(Path.of("rules"))) {
            for (Path rule : shipped.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Files.copy(rule, rules.resolve(rule.getFileName()));
            }
        }
        Path changed = rules.resolve(file);
        String text = Files.readString(changed);
        assertThat(text).contains(from);
        Files.writeString(changed, text.replace(from, to));
        return rules;
    }
}
