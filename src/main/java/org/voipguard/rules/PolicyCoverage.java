package org.voipguard.rules;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.voipguard.rules.facts.MonthEndBill;
import org.voipguard.rules.facts.MonthlySpend;
import org.voipguard.rules.facts.OutgoingCall;
import org.voipguard.rules.facts.RegistrationAttempt;

/**
 * Every published policy needs at least one rule that looks at its facts. A rules directory
 * where a file was deleted or moved away would otherwise run without error and never alert.
 */
final class PolicyCoverage {

    /** The policies and the fact type their rules match. */
    enum Policy {
        PRICE_LIMITS(OutgoingCall.class, "policy P1 (call price limits)", "price-limits.drl"),
        REGISTRATIONS(RegistrationAttempt.class,
                "policies P2 (IP access list lockdown) and P4 (new IP / User-Agent)", "lockdown.drl and ip-agent.drl"),
        BILL_WARNINGS(MonthlySpend.class, "policy P3 (bill warnings)", "bill-warnings.drl"),
        MONTH_END(MonthEndBill.class, "policy P5 (month end: automatic bill warning levels)", "month-end.drl");

        private final Class<?> factType;
        private final String description;
        private final String shippedFiles;

        Policy(Class<?> factType, String description, String shippedFiles) {
            this.factType = factType;
            this.description = description;
            this.shippedFiles = shippedFiles;
        }
    }

    private PolicyCoverage() {
    }

    /** One error for each policy no rule of the rule base matches. */
    static List<RuleProblem> gaps(KieBase kieBase, RuleSources sources) {
        Set<Class<?>> matched = factTypes(kieBase);
        return Arrays.stream(Policy.values())
                .filter(policy -> !matched.contains(policy.factType))
                .map(policy -> new RuleProblem(sources.directory().toString(), 0, 0, RuleProblem.Severity.ERROR,
                        "no rule matches " + policy.factType.getSimpleName() + " facts, so " + policy.description
                                + " would never act (the shipped rules for it are in "
                                + policy.shippedFiles + ")"))
                .toList();
    }

    static int ruleCount(KieBase kieBase) {
        return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }

    /** The classes of the facts every rule's conditions match, nested patterns included. */
    static Set<Class<?>> factTypes(KieBase kieBase) {
        Set<Class<?>> types = new HashSet<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                if (rule instanceof RuleImpl impl) {
                    collect(impl.getLhs(), types);
                }
            }
        }
        return types;
    }

    private static void collect(RuleConditionElement element, Set<Class<?>> types) {
        if (element instanceof Pattern pattern && pattern.getObjectType() instanceof ClassObjectType type) {
            types.add(type.getClassType());
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            collect(nested, types);
        }
    }
}
