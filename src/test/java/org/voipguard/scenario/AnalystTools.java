package org.voipguard.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.voipguard.billing.BillingMonths;
import org.voipguard.billing.CallPricer;
import org.voipguard.billing.DialledNumberClassifier;
import org.voipguard.billing.Tariff;
import org.voipguard.config.VoipGuardProperties;

/** The scenario runner as {@code rules test} builds it from batch-config, without a Spring context. */
final class AnalystTools {

    private AnalystTools() {
    }

    /** The shipped batch-config/application.yml, as an operator would run with it. */
    static VoipGuardProperties shippedConfiguration() {
        try {
            var sources = new YamlPropertySourceLoader().load("batch-config",
                    new FileSystemResource("batch-config/application.yml"));
            return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("voipguard",
                    VoipGuardProperties.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The defaults alone, with the shipped tariff. */
    static VoipGuardProperties defaults() {
        return new Binder(new MapConfigurationPropertySource(Map.of("voipguard.tariff-file", "batch-config/tariff.csv")))
                .bindOrCreate("voipguard", VoipGuardProperties.class);
    }

    static ScenarioRunner runner(VoipGuardProperties properties) {
        CallPricer pricer = new CallPricer(new DialledNumberClassifier(),
                new Tariff(properties.tariffFile(), properties.timeZone()));
        return new ScenarioRunner(properties, pricer, new BillingMonths(properties));
    }
}
