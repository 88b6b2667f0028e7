package org.voipguard.enforcement;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.numbers.JdbcNumberDirectory;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.numbers.SettingsVersion;
import org.voipguard.rules.RuleBook;
import org.voipguard.rules.RuleBookLoader;
import org.voipguard.rules.RuleCompilationException;
import org.voipguard.rules.RuleProblem;

/**
 * What the service decides with, held in memory and swapped whole: the settings of every number
 * (reloaded when the settings stamp moves) and the compiled rules (recompiled when a rule file
 * changes). A rule set that does not compile is refused and logged with {@code file:line:column};
 * the previous one keeps serving.
 */
@Component
@ConditionalOnWebApplication
class DecisionInputs {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionInputs.class);

    private final AtomicReference<SettingsSnapshot> settings = new AtomicReference<>();
    private final AtomicReference<RuleBook> rules = new AtomicReference<>();
    private final JdbcNumberDirectory directory;
    private final SettingsVersion settingsVersion;
    private final RuleBookLoader loader;
    private final VoipGuardProperties properties;
    private volatile String refusedRules;

    DecisionInputs(JdbcNumberDirectory directory, SettingsVersion settingsVersion, RuleBookLoader loader,
            VoipGuardProperties properties) {
        this.directory = directory;
        this.settingsVersion = settingsVersion;
        this.loader = loader;
        this.properties = properties;
    }

    /** The number's settings; the defaults for a number never imported. */
    NumberSettings settingsOf(String number) {
        SettingsSnapshot snapshot = loadedSettings().orElseThrow(() -> new NotReadyException("settings not loaded"));
        NumberSettings stored = snapshot.byNumber().get(number);
        return stored != null ? stored : directory.defaultsFor(number);
    }

    RuleBook rules() {
        return loadedRules().orElseThrow(() -> new NotReadyException("rules not loaded"));
    }

    Optional<SettingsSnapshot> loadedSettings() {
        return Optional.ofNullable(settings.get());
    }

    Optional<RuleBook> loadedRules() {
        return Optional.ofNullable(rules.get());
    }

    /** Reloads the settings when their stamp moved since they were loaded. */
    void refreshSettings() {
        long version = settingsVersion.current();
        SettingsSnapshot held = settings.get();
        if (held != null && held.version() == version) {
            return;
        }
        SettingsSnapshot loaded = new SettingsSnapshot(version, directory.findEveryStored());
        settings.set(loaded);
        LOG.info("settings version {} loaded: {} numbers", version, loaded.byNumber().size());
    }

    /** Compiles the rule files when they changed; a set that does not compile is refused once, logged. */
    void refreshRules() {
        String version = loader.versionOf(properties.rulesDir());
        RuleBook held = rules.get();
        if (held != null && held.version().equals(version) || version.equals(refusedRules)) {
            return;
        }
        try {
            RuleBook compiled = loader.load(properties.rulesDir());
            rules.set(compiled);
            refusedRules = null;
            LOG.info("rule set {} of {} now decides", compiled.version(), properties.rulesDir());
        } catch (RuleCompilationException e) {
            refusedRules = version;
            LOG.error("rule set {} of {} refused, {}: {}{}", version, properties.rulesDir(),
                    held != null ? "rule set " + held.version() + " keeps deciding" : "no rule set to decide with",
                    e.getMessage(), problems(e));
        }
    }

    private static String problems(RuleCompilationException e) {
        StringBuilder text = new StringBuilder();
        for (RuleProblem problem : e.problems()) {
            text.append(System.lineSeparator()).append(problem);
        }
        return text.toString();
    }
}
