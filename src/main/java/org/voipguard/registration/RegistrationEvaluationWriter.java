package org.voipguard.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.voipguard.blocklist.AddressBans;
import org.voipguard.blocklist.Allowlist;
import org.voipguard.imports.NumberPartition;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.rules.AlertSink;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.rules.RuleBook;

/**
 * Evaluates policies P2 and P4 and the registration-abuse checks for a chunk of registrations
 * (in time order) with the numbers' state and the abuse windows from the database, and writes
 * back the alerts, the bans they call for, the new state and each event's outcome in the
 * chunk's transaction. The registered phones follow in the next step.
 *
 * <p>In an import run in parts ({@link NumberPartition}), every part reads all the events and
 * evaluates those of its own numbers, and counts the abuse windows of its own subjects: a
 * source address's windows in the part of the address, a number's in the part of the number. An
 * event of a user that is no number gets its outcome in the part of its address.
 */
public class RegistrationEvaluationWriter implements ItemWriter<StoredRegistration> {

    /**
     * Numbers whose settings and state stay in memory between chunks: about 1 KB each, mostly
     * strings, 100 MB in all the parts.
     */
    private static final int RECENT_NUMBERS = 100_000;

    private final NumberPartition part;

    private final RecentNumbers recentNumbers;
    private final RegistrationStateStore store;
    private final RegistrationEvaluator evaluator;
    private final AbuseEvaluator abuse;
    private final AbuseWindowStore windows;
    private final AddressBans bans;
    private final RuleBook rules;
    private final AlertSink alerts;
    private final long importId;
    private final boolean baseline;

    /** With {@code baseline}, the state is learned and no rule runs: no alert is raised or stored, nothing counted. */
    public RegistrationEvaluationWriter(NumberDirectory numbers, RegistrationStateStore store, AbuseWindowStore windows,
            AddressBans bans, RuleBook rules, Allowlist allowlist, AlertSink alerts, long importId, boolean baseline,
            NumberPartition part) {
        this.part = part;
        this.recentNumbers = new RecentNumbers(numbers, store, RECENT_NUMBERS / part.count());
        this.store = store;
        this.evaluator = new RegistrationEvaluator(rules,
                baseline ? RegistrationEvaluator.Mode.BASELINE : RegistrationEvaluator.Mode.ALERTING);
        this.abuse = new AbuseEvaluator(rules, allowlist,
                window -> window.ofNumber() ? part.ownsNumber(window.subject()) : part.ownsAddress(window.subject()));
        this.windows = windows;
        this.bans = bans;
        this.rules = rules;
        this.alerts = alerts;
        this.importId = importId;
        this.baseline = baseline;
    }

    @Override
    public void write(Chunk<? extends StoredRegistration> chunk) {
        List<? extends StoredRegistration> events = chunk.getItems();
        List<StoredRegistration> ofNumbers = events.stream()
                .filter(e -> e.number() != null && part.ownsNumber(e.number()))
                .map(StoredRegistration.class::cast).toList();
        Set<String> chunkNumbers = new LinkedHashSet<>();
        ofNumbers.forEach(event -> chunkNumbers.add(event.number()));
        Map<String, RecentNumbers.Known> known = recentNumbers.get(chunkNumbers);
        Map<String, NumberSettings> settings = new HashMap<>();
        Map<String, NumberRegistrationState> states = new HashMap<>();
        known.forEach((number, k) -> {
            settings.put(number, k.settings());
            states.put(number, k.state());
        });
        RegistrationEvaluator.Result result = evaluator.evaluate(ofNumbers, settings, states);
        List<RaisedAlert> raised = new ArrayList<>(result.alerts());
        if (!baseline) {
            raised.addAll(countAbuse(events));
        }
        Instant now = Instant.now();
        alerts.accept(raised, importId);
        bans.record(raised, rules.thresholds(), now);
        store.save(states, now, importId);
        Map<Long, RegistrationOutcome> outcomes = new HashMap<>(result.outcomes());
        events.stream().filter(e -> e.number() == null && part.ownsAddress(e.sourceIp()))
                .forEach(e -> outcomes.put(e.id(), RegistrationOutcome.AUTH_FAILED));
        store.recordOutcomes(outcomes);
    }

    private List<RaisedAlert> countAbuse(List<? extends StoredRegistration> events) {
        Set<AbuseEvaluator.WindowKey> keys = abuse.windowsOf(events);
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<AbuseEvaluator.WindowKey, AbuseWindow> loaded = windows.load(keys);
        List<RaisedAlert> raised = abuse.evaluate(events, loaded);
        windows.save(loaded, rules.thresholds());
        return raised;
    }
}
