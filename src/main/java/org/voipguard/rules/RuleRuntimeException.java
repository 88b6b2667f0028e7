package org.voipguard.rules;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.runtime.rule.ConsequenceException;
import org.springframework.core.NestedExceptionUtils;

/**
 * A rule threw while it ran; the message names the rule and the fact it was looking at, e.g.
 * {@code rule "Too dear" failed on OutgoingCall[c1 +441632960001 -> 09098790123 at 150p/min]:
 * java.lang.ArithmeticException: / by zero}.
 */
public class RuleRuntimeException extends RuntimeException {

    /** How the engine names the rule of a condition that failed: {@code [Rule "name" in file.drl]}. */
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("Rule \"([^\"]*)\"|Rule name='([^']*)'");

    RuleRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }

    static RuleRuntimeException from(RuntimeException e, Supplier<Optional<Object>> failingFact) {
        if (e instanceof ConsequenceException ce && ce.getMatch() != null) {
            String rule = ce.getMatch().getRule().getName();
            String facts = describe(ce.getMatch().getObjects());
            Throwable cause = ce.getCause() != null ? ce.getCause() : ce;
            return new RuleRuntimeException("rule \"%s\" failed on %s: %s".formatted(rule, facts, cause), cause);
        }
        Throwable root = root(e);
        String rule = ruleNamed(e).map(name -> "rule \"" + name + "\"").orElse("a rule");
        String fact = failingFact.get().map(String::valueOf).orElse("one of the facts");
        return new RuleRuntimeException("%s failed on %s: %s".formatted(rule, fact, root), e);
    }

    private static String describe(List<Object> objects) {
        return objects.size() == 1 ? String.valueOf(objects.get(0)) : String.valueOf(objects);
    }

    private static Optional<String> ruleNamed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = RULE_IN_MESSAGE.matcher(t.getMessage());
                if (m.find()) {
                    return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        return Optional.empty();
    }

    private static Throwable root(Throwable e) {
        return NestedExceptionUtils.getMostSpecificCause(e);
    }
}
