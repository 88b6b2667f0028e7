package org.voipguard.scenario;

import java.util.Objects;

import org.voipguard.rules.RaisedAlert;

/**
 * An alert a scenario expects: its type and number (or, for an alert about an address, the
 * address), the rule that raises it when given, and its {@code severity} fact ({@code WARNING},
 * {@code CRITICAL}) when given.
 */
public record ExpectedAlert(String type, String number, String address, String rule, String severity) {

    public ExpectedAlert(String type, String number, String rule) {
        this(type, number, null, rule, null);
    }

    public boolean matches(RaisedAlert alert) {
        boolean subject = number != null ? number.equals(alert.number())
                : alert.isAboutAddress() && Objects.equals(address, alert.address());
        return type.equals(alert.type()) && subject && (rule == null || rule.equals(alert.ruleName()))
                && (severity == null || severity.equals(alert.facts().get("severity")));
    }

    /** How many of the optional parts it names: the more, the earlier it is matched. */
    int specificity() {
        return (rule == null ? 0 : 1) + (severity == null ? 0 : 1);
    }

    @Override
    public String toString() {
        return type + " " + (number != null ? number : address) + (severity == null ? "" : " " + severity)
                + (rule == null ? "" : " (rule \"" + rule + "\")");
    }
}
