package org.voipguard.scenario;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.voipguard.billing.BillingMonths;
import org.voipguard.billing.CallPricer;
import org.voipguard.billing.DialledNumberClassifier;
import org.voipguard.billing.Tariff;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.rules.RuleBookLoader;

/**
 * The small application {@code voipguard rules ...} runs in: the configuration, the rule
 * compiler, the tariff and the scenario runner, and no database, so that checking a rule file
 * is quick enough to do on every save and works where no database is reachable.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VoipGuardProperties.class)
@Import({RulesCommand.class, RuleBookLoader.class, ScenarioRunner.class, CallPricer.class,
        DialledNumberClassifier.class, Tariff.class, BillingMonths.class})
public class RulesToolApplication {
}
