package org.voipguard.scenario;

import java.util.ArrayList;
import java.util.List;

import org.voipguard.rules.RaisedAlert;

/**
 * The outcome of one scenario: the alerts the rules raised, the expected ones they did not
 * raise and the ones they raised unexpectedly, or the error that stopped it.
 */
public record ScenarioResult(Scenario scenario, List<RaisedAlert> raised, List<ExpectedAlert> missing,
        List<RaisedAlert> unexpected, String error) {

    public ScenarioResult {
        raised = List.copyOf(raised);
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
    }

    static ScenarioResult failed(Scenario scenario, String error) {
        return new ScenarioResult(scenario, List.of(), List.of(), List.of(), error);
    }

    /** Compares what was raised with what was expected, alert by alert. */
    static ScenarioResult compare(Scenario scenario, List<RaisedAlert> raised) {
        List<RaisedAlert> unmatched = new ArrayList<>(raised);
        List<ExpectedAlert> missing = new ArrayList<>();
        List<ExpectedAlert> mostSpecificFirst = scenario.expected().stream()
                .sorted((a, b) -> Integer.compare(b.specificity(), a.specificity())).toList();
        for (ExpectedAlert expected : mostSpecificFirst) {
            RaisedAlert match = unmatched.stream().filter(expected::matches).findFirst().orElse(null);
            if (match == null) {
                missing.add(expected);
            } else {
                unmatched.remove(match);
            }
        }
        return new ScenarioResult(scenario, raised, missing, unmatched, null);
    }

    public boolean passed() {
        return error == null && missing.isEmpty() && unexpected.isEmpty();
    }

    /** What went wrong, a line each; empty when the scenario passed. */
    public List<String> differences() {
        List<String> lines = new ArrayList<>();
        if (error != null) {
            lines.add("error: " + error);
        }
        missing.forEach(m -> lines.add("expected but not raised: " + m));
        unexpected.forEach(u -> lines.add("raised but not expected: " + u.describe()));
        return lines;
    }
}
