package org.voipguard.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voipguard.config.VoipGuardProperties.PolicyDefaults;
import org.voipguard.config.NotifyMode;
import org.voipguard.thresholds.Threshold;

class ScenarioFilesTest {

    private static final PolicyDefaults DEFAULTS = AnalystTools.defaults().defaults();

    @TempDir
    Path dir;

    @Test
    void readsNumbersRowsAndExpectationsWithNumbersAsText() throws IOException {
        Path file = write("""
                # a comment
                - scenario: A premium call
                  numbers: |
                    number,login,national_limit_ppm
                    +441632960001,acme,30
                  closed_months: 2026-09, 2026-10
                  cdrs: |
                    call_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status
                    c1,+441632960001,OUT,2026-11-02T10:00:00Z,60,09098790123,150,,200

                    c2,+441632960001,OUT,2026-11-02T10:01:00Z,60,09098790123,150,,200
                  expect:
                    - type: RATE_LIMIT_EXCEEDED
                      number: +441632960001
                      rule: National call priced above the number's national limit
                    - { type: RATE_LIMIT_EXCEEDED, number: +441632960001 }
                """);

        List<Scenario> scenarios = ScenarioFiles.read(file, DEFAULTS);

        assertThat(scenarios).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("A premium call");
            assertThat(s.line()).isEqualTo(2);
            assertThat(s.numbers()).singleElement().satisfies(n -> {
                assertThat(n.number()).isEqualTo("+441632960001");
                assertThat(n.nationalLimitPpm()).isEqualByComparingTo("30");
                assertThat(n.internationalLimitPpm()).isEqualByComparingTo(DEFAULTS.internationalLimitPpm());
                assertThat(n.ipAgentNotify()).isEqualTo(NotifyMode.NEW_IP_OR_AGENT);
                assertThat(n.billWarningLevelGbp()).isEqualByComparingTo(new BigDecimal("10.00"));
            });
            assertThat(s.closedMonths()).containsExactlyInAnyOrder("2026-09", "2026-10");
            assertThat(s.rows().cdrs()).extracting(Scenario.Row::line).containsExactly(9, 11);
            assertThat(s.rows().cdrs().get(0).text()).startsWith("c1,+441632960001,OUT");
            assertThat(s.expected()).containsExactly(
                    new ExpectedAlert("RATE_LIMIT_EXCEEDED", "+441632960001",
                            "National call priced above the number's national limit"),
                    new ExpectedAlert("RATE_LIMIT_EXCEEDED", "+441632960001", null));
        });
    }

    @Test
    void rowsMayBeAListAndTheHeaderMayBeLeftOut() throws IOException {
        Path file = write("""
                - scenario: Registrations as a list
                  registrations:
                    - 2026-11-02T10:00:00Z,+441632960001,198.51.100.20,5060,UDP,snom300,OK,3600
                  expect: none
                """);

        Scenario scenario = ScenarioFiles.read(file, DEFAULTS).get(0);

        assertThat(scenario.rows().registrations()).singleElement()
                .satisfies(row -> assertThat(row.line()).isEqualTo(3));
        assertThat(scenario.expected()).isEmpty();
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() throws IOException {
        Path file = write("""
                - scenario: Typo
                  cdrs: |
                    c1,+441632960001,OUT,2026-11-02T10:00:00Z,60,09098790123,150,,200
                  expected: none
                """);

        assertThatThrownBy(() -> ScenarioFiles.read(file, DEFAULTS))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageStartingWith(file + ":4: unknown key \"expected\"");
    }

    @Test
    void aScenarioMustSayWhatItExpects() throws IOException {
        Path file = write("""
                - scenario: Forgot the point
                  cdrs: |
                    c1,+441632960001,OUT,2026-11-02T10:00:00Z,60,09098790123,150,,200
                """);

        assertThatThrownBy(() -> ScenarioFiles.read(file, DEFAULTS))
                .hasMessageStartingWith(file + ":1: scenario \"Forgot the point\" says nothing it expects");
    }

    @Test
    void aBadSettingIsReportedAtItsRow() throws IOException {
        Path file = write("""
                - scenario: Bad list
                  numbers: |
                    number,login,ip_access_list
                    +441632960002,acme,192.0.2.1/24
                  expect: none
                """);

        assertThatThrownBy(() -> ScenarioFiles.read(file, DEFAULTS))
                .hasMessageStartingWith(file + ":4: numbers: ip_access_list:");
    }

    @Test
    void aScenarioMaySetItsOwnThresholdsWithOrWithoutTheHeader() throws IOException {
        Path file = write("""
                - scenario: Calls switched off
                  thresholds: |
                    default,CALL_RATE,,,,0,0,60s,,
                  expect: none
                - scenario: With the header
                  thresholds: |
                    profile,check,prefix,days,hours,warning,critical,window,quiet,ban
                    default,CALL_RATE,,,,2,3,60s,,
                  expect: none
                - scenario: The rules folder's thresholds
                  expect: none
                """);

        List<Scenario> scenarios = ScenarioFiles.read(file, DEFAULTS);

        assertThat(scenarios.get(0).thresholds().rows()).singleElement().matches(Threshold::isOff);
        assertThat(scenarios.get(1).thresholds().rows()).singleElement().extracting(Threshold::critical)
                .isEqualTo(3L);
        assertThat(scenarios.get(2).thresholds()).isNull();
    }

    @Test
    void aBadThresholdsRowIsReportedAtItsLine() throws IOException {
        Path file = write("""
                - scenario: Bad thresholds
                  thresholds: |
                    default,CALL_RATE,,,,2,3,60s,,
                    default,CALL_RATE,,Someday,,2,3,60s,,
                  expect: none
                """);

        assertThatThrownBy(() -> ScenarioFiles.read(file, DEFAULTS))
                .hasMessage(file + ":4: thresholds: field days: not a day of the week (Mon, Tue, ... Sun): Someday");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() throws IOException {
        Path file = write("""
                - scenario: Broken
                  expect: [none
                """);

        assertThatThrownBy(() -> ScenarioFiles.read(file, DEFAULTS))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageContaining("not valid YAML");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("scenarios.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
