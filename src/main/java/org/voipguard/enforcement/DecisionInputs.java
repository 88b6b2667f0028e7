package org.voipguard.enforcement;

import java.time.Duration;
import java.time.Instant;

import org.voipguard.blocklist.AddressBans;
import org.voipguard.blocklist.Blocklist;
import org.voipguard.blocklist.BlocklistEntry;
import org.voipguard.blocklist.BlocklistService;

import java.util.HashMap;
import java.util.Map;
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
 * the previous one keeps serving. The blocklist ({@code blocklist export}'s) is rebuilt when a
 * ban is added, and every minute.
 */
@Component
@ConditionalOnWebApplication
class DecisionInputs {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionInputs.class);

    private final AtomicReference<SettingsSnapshot> settings = new AtomicReference<>();
    private final AtomicReference<RuleBook> rules = new AtomicReference<>();
    private final AtomicReference<HeldBlocklist> blocklist = new AtomicReference<>();
    private final BlocklistService blocklists;
    private final AddressBans bans;
    private final JdbcNumberDirectory directory;
    private final SettingsVersion settingsVersion;
    private final RuleBookLoader loader;
    private final VoipGuardProperties properties;
    private volatile String refusedRules;

    DecisionInputs(JdbcNumberDirectory directory, SettingsVersion settingsVersion, RuleBookLoader loader,
            VoipGuardProperties properties, BlocklistService blocklists, AddressBans bans) {
        this.blocklists = blocklists;
        this.bans = bans;
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

    /** The address's entry on the blocklist, if it is on it and its ban still runs. */
    Optional<BlocklistEntry> blocklisted(String address, Instant now) {
        HeldBlocklist held = blocklist.get();
        if (held == null) {
            throw new NotReadyException("blocklist not loaded");
        }
        return Optional.ofNullable(held.byAddress().get(address)).filter(entry -> entry.expires().isAfter(now));
    }

    /**
     * Rebuilds the blocklist when a ban was added since it was built, and once a minute for the
     * allowlist file and the access lists, which have no stamp of their own.
     */
    void refreshBlocklist() {
        Instant now = Instant.now();
        Optional<Instant> stamp = bans.latestBan();
        HeldBlocklist held = blocklist.get();
        if (held != null && held.stamp().equals(stamp) && held.list().at().isAfter(now.minus(BLOCKLIST_REBUILD))) {
            return;
        }
        Blocklist list = blocklists.at(now, Optional.empty());
        blocklist.set(HeldBlocklist.of(stamp, list));
        if (held == null || !held.stamp().equals(stamp)) {
            LOG.info("blocklist loaded: {} addresses", list.entries().size());
        }
    }

    private static final Duration BLOCKLIST_REBUILD = Duration.ofMinutes(1);

    /** The list as built, and its entries by address: a decision looks one up per request. */
    private record HeldBlocklist(Optional<Instant> stamp, Blocklist list, Map<String, BlocklistEntry> byAddress) {

        static HeldBlocklist of(Optional<Instant> stamp, Blocklist list) {
            Map<String, BlocklistEntry> byAddress = new HashMap<>();
            list.entries().forEach(entry -> byAddress.put(entry.address(), entry));
            return new HeldBlocklist(stamp, list, Map.copyOf(byAddress));
        }
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
