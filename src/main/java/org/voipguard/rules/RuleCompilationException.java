package org.voipguard.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rules directory does not compile; carries every problem with its file and line. */
public class RuleCompilationException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleCompilationException(String summary, List<RuleProblem> problems) {
        super(summary + (problems.isEmpty() ? "" : ":\n" + problems.stream()
                .map(RuleProblem::toString).collect(Collectors.joining("\n"))));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
