package org.voipguard.scenario;

import org.voipguard.rules.RaisedAlert;

/** An alert a scenario expects: its type and number, and the rule that raises it when given. */
public record ExpectedAlert(String type, String number, String rule) {

    public boolean matches(RaisedAlert alert) {
        return type.equals(alert.type()) && number.equals(alert.number())
                && (rule == null || rule.equals(alert.ruleName()));
    }

    @Override
    public String toString() {
        return type + " " + number + (rule == null ? "" : " (rule \"" + rule + "\")");
    }
}
