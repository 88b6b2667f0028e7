package org.voipguard.rules;

/** One message of the rule compiler, printed the way editors and CI understand it. */
public record RuleProblem(String file, int line, int column, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        String kind = severity == Severity.ERROR ? "error" : "warning";
        return "%s:%d:%d: %s: %s".formatted(file, line, column, kind, message.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
