package org.voipguard.rules;

/**
 * One message of the rule compiler, printed the way editors and CI understand it:
 * {@code file:line:column: error: message}. A problem of the whole directory (line 0) is
 * printed as {@code directory: error: message}.
 */
public record RuleProblem(String file, int line, int column, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        String kind = severity == Severity.ERROR ? "error" : "warning";
        String text = message.strip().replaceAll("\\s*\\R\\s*", " ");
        if (line <= 0) {
            return "%s: %s: %s".formatted(file, kind, text);
        }
        return "%s:%d:%d: %s: %s".formatted(file, line, column, kind, text);
    }
}
