package org.voipguard.rules;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code rules check} found in a rules directory: its files, how many rules compiled, the
 * version of the rule set and every problem, errors and warnings, each with file and line.
 */
public record RuleCheck(Path directory, List<String> files, int rules, String version, List<RuleProblem> problems,
        Duration took) {

    public RuleCheck {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == RuleProblem.Severity.ERROR);
    }

    public List<RuleProblem> errors() {
        return problems.stream().filter(p -> p.severity() == RuleProblem.Severity.ERROR).toList();
    }
}
