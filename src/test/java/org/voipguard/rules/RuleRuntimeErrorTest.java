package org.voipguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voipguard.rules.facts.OutgoingCall;

class RuleRuntimeErrorTest {

    private static final String HEADER = """
            package org.voipguard.policies;

            import org.voipguard.rules.facts.OutgoingCall;

            global org.voipguard.rules.AlertCollector alerts;

            """;

    @TempDir
    Path rules;

    @Test
    void aConsequenceThatDividesByZeroNamesTheRuleAndTheFact() throws IOException {
        givenShippedRulesAnd("""
                rule "Pence per second"
                when
                    $call : OutgoingCall( premium )
                then
                    int perSecond = $call.getPricePpm().intValue() / 0;
                end
                """);

        assertThatThrownBy(() -> new RuleBookLoader().load(rules).evaluate(List.of(ordinaryCall(), premiumCall())))
                .isInstanceOf(RuleRuntimeException.class)
                .hasMessageContaining("rule \"Pence per second\"")
                .hasMessageContaining("OutgoingCall[c-premium +441632960001 -> 09098790123 at 150p/min]")
                .hasMessageContaining("/ by zero");
    }

    @Test
    void aConditionThatDividesByZeroNamesTheRuleAndTheFact() throws IOException {
        givenShippedRulesAnd("""
                rule "Price per second in a condition"
                when
                    $call : OutgoingCall( premium, pricePpm.divide(java.math.BigDecimal.ZERO) > 1 )
                then
                    alerts.raise(kcontext, "NEVER", $call);
                end
                """);

        assertThatThrownBy(() -> new RuleBookLoader().load(rules).evaluate(List.of(ordinaryCall(), premiumCall())))
                .isInstanceOf(RuleRuntimeException.class)
                .hasMessageContaining("rule \"Price per second in a condition\"")
                .hasMessageContaining("OutgoingCall[c-premium")
                .hasMessageContaining("by zero");
    }

    @Test
    void rulesThatDoNotThrowEvaluateAsBefore() throws IOException {
        givenShippedRulesAnd("");

        List<RaisedAlert> alerts = new RuleBookLoader().load(rules).evaluate(List.of(ordinaryCall(), premiumCall()));

        assertThat(alerts).extracting(RaisedAlert::key).containsExactly("RATE_LIMIT_EXCEEDED:c-premium");
    }

    private void givenShippedRulesAnd(String rule) throws IOException {
        try (var shipped = Files.list(Path.of("rules"))) {
            for (Path file : shipped.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        Files.writeString(rules.resolve("zz-extra.drl"), HEADER + rule);
    }

    private static OutgoingCall premiumCall() {
        return new OutgoingCall("c-premium", "+441632960001", "09098790123", "+449098790123", true, true,
                new BigDecimal("150"), new BigDecimal("20"), new BigDecimal("2"), "2026-11-02T10:00:00Z");
    }

    private static OutgoingCall ordinaryCall() {
        return new OutgoingCall("c-local", "+441632960001", "01632960999", "+441632960999", true, false,
                new BigDecimal("3"), new BigDecimal("20"), new BigDecimal("2"), "2026-11-02T10:00:00Z");
    }
}
