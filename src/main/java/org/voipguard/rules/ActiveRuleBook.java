package org.voipguard.rules;

import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;

/**
 * The rule book of the configured rules directory: as it is on disk now, or as it was when a
 * job started. A job compiles the directory once, at its start, and every step of that job
 * execution evaluates the same rule set, however the files change meanwhile.
 */
@Component
public class ActiveRuleBook {

    /** Where a job execution keeps the version of its rule set. */
    public static final String JOB_CONTEXT_KEY = "ruleSetVersion";
    /** The version of the rule set of the running job, for a step-scoped bean. */
    public static final String OF_THE_JOB = "#{jobExecutionContext['" + JOB_CONTEXT_KEY + "']}";

    private final RuleBookLoader loader;
    private final VoipGuardProperties properties;

    public ActiveRuleBook(RuleBookLoader loader, VoipGuardProperties properties) {
        this.loader = loader;
        this.properties = properties;
    }

    public RuleBook current() {
        return loader.load(properties.rulesDir());
    }

    /** The rule set a job compiled at its start ({@link #current()} then), whatever is on disk now. */
    public RuleBook ofJob(String version) {
        return loader.compiled(version).orElseThrow(() -> new IllegalStateException(
                "the rule set " + version + " of this job was not compiled at its start"));
    }
}
