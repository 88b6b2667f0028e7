package org.voipguard.rules;

import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;

/** The rule book of the configured rules directory, as it is on disk now. */
@Component
public class ActiveRuleBook {

    private final RuleBookLoader loader;
    private final VoipGuardProperties properties;

    public ActiveRuleBook(RuleBookLoader loader, VoipGuardProperties properties) {
        this.loader = loader;
        this.properties = properties;
    }

    public RuleBook current() {
        return loader.load(properties.rulesDir());
    }
}
