package org.voipguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCheckTest {

    private static final String HEADER = """
            package org.voipguard.policies;

            import org.voipguard.rules.facts.OutgoingCall;

            global org.voipguard.rules.AlertCollector alerts;

            """;

    @TempDir
    Path rules;

    @Test
    void theShippedRulesCheckCleanly() {
        RuleCheck check = new RuleBookLoader().check(Path.of("rules"));

        assertThat(check.problems()).isEmpty();
        assertThat(check.files()).contains("price-limits.drl", "bill-warnings.drl", "lockdown.drl", "ip-agent.drl",
                "satellite-calls.drl", "month-end.drl");
        assertThat(check.rules()).isGreaterThanOrEqualTo(11);
        assertThat(check.version()).isEqualTo(PolicyRules.shipped().version());
    }

    @Test
    void aSyntaxErrorIsReportedAtTheRealFileAndLine() throws IOException {
        givenShippedRulesAnd("broken.drl", HEADER + """
                rule "Missing its when"
                    $call : OutgoingCall( national )
                then
                    alerts.raise(kcontext, "X", $call);
                end
                """);

        RuleCheck check = new RuleBookLoader().check(rules);

        assertThat(check.hasErrors()).isTrue();
        assertThat(check.errors()).allSatisfy(p -> assertThat(p.file()).isEqualTo(rules.resolve("broken.drl").toString()));
        assertThat(check.errors().get(0).line()).isBetween(7, 8);
        assertThat(check.errors().get(0).toString()).startsWith(rules.resolve("broken.drl") + ":");
        assertThat(check.errors()).noneMatch(p -> p.message().contains("null Package"));
    }

    @Test
    void aConsequenceCallingAnUnknownMethodPointsAtTheCall() throws IOException {
        givenShippedRulesAnd("typo.drl", HEADER + """
                rule "Typo in the consequence"
                when
                    $call : OutgoingCall( premium )
                then
                    String price = $call.getPricePerMinute().toString();
                    alerts.raise(kcontext, "X", $call);
                end
                """);

        RuleCheck check = new RuleBookLoader().check(rules);

        assertThat(check.errors()).hasSize(1);
        RuleProblem problem = check.errors().get(0);
        assertThat(problem.file()).isEqualTo(rules.resolve("typo.drl").toString());
        assertThat(problem.line()).isEqualTo(11);
        assertThat(problem.column()).isEqualTo(26);
        assertThat(problem.message()).contains("getPricePerMinute");
    }

    @Test
    void aConditionWithAMisspelledFieldPointsAtTheField() throws IOException {
        givenShippedRulesAnd("satellite.drl", HEADER + """
                rule "Satellite"
                when
                    $call : OutgoingCall( dialedE164.startsWith("+881") )
                then
                    alerts.raise(kcontext, "SATELLITE_CALL", $call);
                end
                """);

        RuleCheck check = new RuleBookLoader().check(rules);

        assertThat(check.errors()).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith(rules.resolve("satellite.drl") + ":9:27: error: ");
            assertThat(p.message()).contains("dialedE164").doesNotContain("[Near");
        });
    }

    @Test
    void patternsJoinedWithBarsAreADeprecationWarningAtTheirLine() throws IOException {
        givenShippedRulesAnd("old-style.drl", HEADER + """
                rule "Premium or dear"
                when
                    ( $call : OutgoingCall( premium ) || $call : OutgoingCall( pricePpm > 100 ) )
                then
                    alerts.raise(kcontext, "DEAR", $call);
                end
                """);

        RuleCheck check = new RuleBookLoader().check(rules);

        assertThat(check.hasErrors()).isFalse();
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(RuleProblem.Severity.WARNING);
            assertThat(p.file()).isEqualTo(rules.resolve("old-style.drl").toString());
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("deprecated", "'||'", "Premium or dear");
        });
    }

    @Test
    void theStrOperatorIsAnErrorBecauseItFailsAtRunTime() throws IOException {
        givenShippedRulesAnd("str.drl", HEADER + """
                rule "Calls to Cuba"
                when
                    $call : OutgoingCall( dialledE164 str[startsWith] "+53" )
                then
                    alerts.raise(kcontext, "CUBA", $call);
                end
                """);

        RuleCheck check = new RuleBookLoader().check(rules);

        assertThat(check.errors()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("startsWith(");
        });
        assertThatThrownBy(() -> new RuleBookLoader().load(rules)).isInstanceOf(RuleCompilationException.class);
    }

    @Test
    void aDirectoryWithoutRulesForAPolicyIsAnErrorNamingThePolicy() throws IOException {
        Files.copy(Path.of("rules", "price-limits.drl"), rules.resolve("price-limits.drl"));
        Files.copy(Path.of("rules", "bill-warnings.drl"), rules.resolve("bill-warnings.drl"));
        Files.copy(Path.of("rules", "month-end.drl"), rules.resolve("month-end.drl"));

        RuleCheck check = new RuleBookLoader().check(rules);

        assertThat(check.errors()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("RegistrationAttempt", "P2", "P4");
            assertThat(p.toString()).startsWith(rules + ": error: no rule matches RegistrationAttempt");
        });
        assertThatThrownBy(() -> new RuleBookLoader().load(rules))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("leave a policy without a rule")
                .hasMessageContaining("P2 (IP access list lockdown) and P4");
    }

    @Test
    void anEmptyDirectoryIsAnError() {
        RuleCheck check = new RuleBookLoader().check(rules);

        assertThat(check.errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no .drl rule files"));
    }

    @Test
    void aBadThresholdsFileIsReportedAtItsLineAndKeepsTheRulesFromLoading() throws IOException {
        givenShippedRulesAnd("thresholds.csv", """
                profile,check,prefix,days,hours,warning,critical,window,quiet,ban
                default,CALL_RATE,,,,15,30,60s,,
                default,CALL_RATE,,,,fifteen,30,60s,,
                """);

        RuleCheck check = new RuleBookLoader().check(rules);

        assertThat(check.errors()).singleElement().hasToString(rules.resolve("thresholds.csv")
                + ":3:1: error: field warning: not a whole number (0 or empty is off): fifteen");
        assertThatThrownBy(() -> new RuleBookLoader().load(rules)).isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("thresholds");
    }

    @Test
    void theThresholdsComeWithTheRulesAndChangeTheirVersion() throws IOException {
        givenShippedRulesAnd("thresholds.csv", """
                profile,check,prefix,days,hours,warning,critical,window,quiet,ban
                default,CALL_RATE,,,,15,30,60s,,
                """);
        RuleBookLoader loader = new RuleBookLoader();
        RuleBook before = loader.load(rules);

        Files.writeString(rules.resolve("thresholds.csv"), "profile,check,prefix,days,hours,warning,critical,window,"
                + "quiet,ban\ndefault,CALL_RATE,,,,5,10,60s,,\n");
        RuleBook after = loader.load(rules);

        assertThat(before.thresholds().rows()).singleElement().extracting(t -> t.warning()).isEqualTo(15L);
        assertThat(after.thresholds().rows()).singleElement().extracting(t -> t.warning()).isEqualTo(5L);
        assertThat(after.version()).isNotEqualTo(before.version());
    }

    private void givenShippedRulesAnd(String name, String content) throws IOException {
        try (var shipped = Files.list(Path.of("rules"))) {
            for (Path file : shipped.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        Files.writeString(rules.resolve(name), content);
    }
}
