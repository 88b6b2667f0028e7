package org.voipguard.rules;

import java.nio.file.Path;

/** The rule book of the shipped {@code rules/} directory, compiled once for all rule tests. */
public final class PolicyRules {

    private static final RuleBook SHIPPED = new RuleBookLoader().load(Path.of("rules"));

    private PolicyRules() {
    }

    public static RuleBook shipped() {
        return SHIPPED;
    }
}
