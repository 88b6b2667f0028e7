package org.voipguard.numbers;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.voipguard.config.VoipGuardProperties.PolicyDefaults;

/** A number directory held in memory (a rule scenario's numbers); any other number has the defaults. */
public final class InMemoryNumberDirectory implements NumberDirectory {

    private final Map<String, NumberSettings> settings = new LinkedHashMap<>();
    private final PolicyDefaults defaults;

    public InMemoryNumberDirectory(Collection<NumberSettings> numbers, PolicyDefaults defaults) {
        numbers.forEach(n -> settings.put(n.number(), n));
        this.defaults = defaults;
    }

    /** What month end does to a number whose level is automatic: the bill warning level changes. */
    public void setAutoWarningLevel(String number, BigDecimal levelGbp) {
        NumberSettings s = find(number);
        if (!s.warningLevelSetByCustomer()) {
            settings.put(number, new NumberSettings(s.number(), s.login(), s.numberEmail(), s.loginEmail(),
                    s.nationalLimitPpm(), s.internationalLimitPpm(), s.accessList(), s.ipAgentNotify(), levelGbp, false,
                    s.thresholdProfile()));
        }
    }

    /** The numbers given, as a scenario lists them. */
    public Set<String> numbers() {
        return Set.copyOf(settings.keySet());
    }

    @Override
    public NumberSettings find(String number) {
        return settings.getOrDefault(number, defaultsFor(number));
    }

    @Override
    public Map<String, NumberSettings> findAll(Collection<String> numbers) {
        Map<String, NumberSettings> found = new LinkedHashMap<>();
        numbers.forEach(n -> found.put(n, find(n)));
        return found;
    }

    @Override
    public int storedCount() {
        return settings.size();
    }

    @Override
    public void forEachStored(Consumer<NumberSettings> action) {
        settings.values().forEach(action);
    }

    @Override
    public NumberSettings defaultsFor(String number) {
        return EffectiveSettings.defaults(number, defaults);
    }
}
