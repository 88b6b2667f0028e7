package org.voipguard.rules;

import org.kie.api.runtime.rule.ConsequenceException;

/** A rule threw while it ran; the message names the rule and the fact it was looking at. */
public class RuleRuntimeException extends RuntimeException {

    RuleRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }

    static RuntimeException from(RuntimeException e) {
        if (e instanceof ConsequenceException ce && ce.getMatch() != null) {
            String rule = ce.getMatch().getRule().getName();
            String facts = String.valueOf(ce.getMatch().getObjects());
            Throwable cause = ce.getCause() != null ? ce.getCause() : ce;
            return new RuleRuntimeException(
                    "rule \"%s\" failed on %s: %s".formatted(rule, facts, cause), cause);
        }
        return e;
    }
}
