package org.voipguard.enforcement;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Down until both the settings and a rule set are loaded: the service cannot decide before. */
@Component("decisions")
@ConditionalOnWebApplication
class DecisionsHealthIndicator implements HealthIndicator {

    private final DecisionInputs inputs;

    DecisionsHealthIndicator(DecisionInputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public Health health() {
        Health.Builder health = inputs.loadedSettings().isPresent() && inputs.loadedRules().isPresent()
                ? Health.up() : Health.down();
        inputs.loadedSettings().ifPresentOrElse(s -> health.withDetail("settingsVersion", s.version())
                .withDetail("numbers", s.byNumber().size()), () -> health.withDetail("settings", "not loaded"));
        inputs.loadedRules().ifPresentOrElse(r -> health.withDetail("ruleSetVersion", r.version()),
                () -> health.withDetail("rules", "not loaded"));
        return health.build();
    }
}
