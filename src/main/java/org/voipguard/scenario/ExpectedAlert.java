package org.voipguard.scenario;

import java.util.Objects;

import org.voipguard.rules.RaisedAlert;

/**
 * An alert a scenario expects: its type and number (or, for an alert about an address, the
 * address), and the rule that raises it when given.
 */
public record ExpectedAlert(String type, String number, String address, String rule) {

    public ExpectedAlert(String type, String number, String rule) {
        this(type, number, null, rule);
    }

    public boolean matches(RaisedAlert alert) {
        boolean subject = number != null ? number.equals(alert.number())
                : alert.isAboutAddress() && Objects.equals(address, alert.address());
        return type.equals(alert.type()) && subject && (rule == null || rule.equals(alert.ruleName()));
    }

    @Override
    public String toString() {
        return type + " " + (number != null ? number : address) + (rule == null ? "" : " (rule \"" + rule + "\")");
    }
}
