package org.voipguard.registration;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.rules.AlertSink;
import org.voipguard.rules.RuleBook;

/**
 * Evaluates policies P2 and P4 for a chunk of registrations (in time order) with
 * the numbers' state from the database, and writes back the alerts, the new state and each
 * event's outcome in the chunk's transaction. The registered phones follow in the next step.
 */
public class RegistrationEvaluationWriter implements ItemWriter<StoredRegistration> {

    /** Numbers whose settings and state stay in memory between chunks: about 1.1 KB of heap each, 110 MB in all. */
    private static final int RECENT_NUMBERS = 100_000;

    private final RecentNumbers recentNumbers;
    private final RegistrationStateStore store;
    private final RegistrationEvaluator evaluator;
    private final AlertSink alerts;
    private final long importId;

    /** With {@code baseline}, the state is learned and no rule runs: no alert is raised or stored. */
    public RegistrationEvaluationWriter(NumberDirectory numbers, RegistrationStateStore store, RuleBook rules,
            AlertSink alerts, long importId, boolean baseline) {
        this.recentNumbers = new RecentNumbers(numbers, store, RECENT_NUMBERS);
        this.store = store;
        this.evaluator = new RegistrationEvaluator(rules,
                baseline ? RegistrationEvaluator.Mode.BASELINE : RegistrationEvaluator.Mode.ALERTING);
        this.alerts = alerts;
        this.importId = importId;
    }

    @Override
    public void write(Chunk<? extends StoredRegistration> chunk) {
        Set<String> chunkNumbers = new LinkedHashSet<>();
        chunk.getItems().forEach(event -> chunkNumbers.add(event.number()));
        Map<String, RecentNumbers.Known> known = recentNumbers.get(chunkNumbers);
        Map<String, NumberSettings> settings = new HashMap<>();
        Map<String, NumberRegistrationState> states = new HashMap<>();
        known.forEach((number, k) -> {
            settings.put(number, k.settings());
            states.put(number, k.state());
        });
        RegistrationEvaluator.Result result = evaluator.evaluate(chunk.getItems(), settings, states);
        alerts.accept(result.alerts(), importId);
        store.save(states, Instant.now(), importId);
        store.recordOutcomes(result.outcomes());
    }
}
