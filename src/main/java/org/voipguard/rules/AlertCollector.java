package org.voipguard.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.runtime.rule.RuleContext;

/**
 * The global {@code alerts} every rule file sees. A rule raises an alert with
 * {@code alerts.raise(kcontext, "TYPE", $fact)}; the name of the rule is taken from the
 * rule context, so it is always the rule that really fired.
 */
public final class AlertCollector {

    private final String ruleSetVersion;
    private final List<RaisedAlert> raised = new ArrayList<>();

    public AlertCollector(String ruleSetVersion) {
        this.ruleSetVersion = ruleSetVersion;
    }

    public void raise(RuleContext context, String type, AlertSubject subject) {
        raise(context, type, subject, null, null);
    }

    /** Raises an alert with one extra fact, e.g. the level a bill warning names. */
    public void raise(RuleContext context, String type, AlertSubject subject, String factName, Object factValue) {
        Map<String, String> facts = new LinkedHashMap<>(subject.describe());
        if (factName != null) {
            facts.put(factName, String.valueOf(factValue));
        }
        String key = type + ":" + subject.getAlertKey();
        raised.add(new RaisedAlert(type, subject.getNumber(), key, context.getRule().getName(), ruleSetVersion, facts,
                subject));
    }

    public List<RaisedAlert> raised() {
        return List.copyOf(raised);
    }
}
