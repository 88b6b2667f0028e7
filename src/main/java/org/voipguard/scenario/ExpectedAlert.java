package org.voipguard.scenario;

import org.voipguard.rules.RaisedAlert;

/**
 * An alert a scenario expects: its type and number, the rule that raises it when given, and its
 * {@code severity} fact ({@code WARNING}, {@code CRITICAL}) when given.
 */
public record ExpectedAlert(String type, String number, String rule, String severity) {

    public ExpectedAlert(String type, String number, String rule) {
        this(type, number, rule, null);
    }

    public boolean matches(RaisedAlert alert) {
        return type.equals(alert.type()) && number.equals(alert.number())
                && (rule == null || rule.equals(alert.ruleName()))
                && (severity == null || severity.equals(alert.facts().get("severity")));
    }

    /** How many of the optional parts it names: the more, the earlier it is matched. */
    int specificity() {
        return (rule == null ? 0 : 1) + (severity == null ? 0 : 1);
    }

    @Override
    public String toString() {
        return type + " " + number + (severity == null ? "" : " " + severity)
                + (rule == null ? "" : " (rule \"" + rule + "\")");
    }
}
