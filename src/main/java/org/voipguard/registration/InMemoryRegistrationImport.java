package org.voipguard.registration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.voipguard.blocklist.Allowlist;
import org.voipguard.imports.EvaluatedFile;
import org.voipguard.imports.RejectedLines;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.rules.RuleBook;

/**
 * Evaluates registration logs as the import job does, but stores nothing: lines are parsed by
 * the job's own processor, a file's events are taken in time order, and policies P2
 * and P4 are evaluated by the job's {@link RegistrationEvaluator} a chunk at a time. Each
 * number's state (known addresses and User-Agents, lockdown warnings) is kept in memory across
 * the files of one run, starting empty or from the database.
 */
public final class InMemoryRegistrationImport {

    private final NumberDirectory numbers;
    private final RegistrationEvaluator evaluator;
    private final AbuseEvaluator abuse;
    private final boolean baseline;
    private final Function<Collection<AbuseEvaluator.WindowKey>, Map<AbuseEvaluator.WindowKey, AbuseWindow>> storedWindows;
    private final Map<AbuseEvaluator.WindowKey, AbuseWindow> windows = new HashMap<>();
    private final Function<Collection<String>, Map<String, NumberRegistrationState>> storedStates;
    private final Function<Collection<String>, Set<String>> storedEventKeys;
    private final int chunkSize;
    private final RegistrationParsers parsers;
    private final Map<String, NumberRegistrationState> states = new HashMap<>();
    private final Set<String> eventKeysSeen = new HashSet<>();
    private final Set<String> learnedNumbers = new HashSet<>();
    private long learnedAddresses;
    private long learnedAgents;
    private long nextEventId = 1;

    private InMemoryRegistrationImport(NumberDirectory numbers, RuleBook rules, boolean baseline, Allowlist allowlist,
            Function<Collection<String>, Map<String, NumberRegistrationState>> storedStates,
            Function<Collection<AbuseEvaluator.WindowKey>, Map<AbuseEvaluator.WindowKey, AbuseWindow>> storedWindows,
            Function<Collection<String>, Set<String>> storedEventKeys, int chunkSize, RegistrationParsers parsers) {
        this.numbers = numbers;
        this.evaluator = new RegistrationEvaluator(rules,
                baseline ? RegistrationEvaluator.Mode.BASELINE : RegistrationEvaluator.Mode.ALERTING);
        this.abuse = new AbuseEvaluator(rules, allowlist);
        this.baseline = baseline;
        this.storedWindows = storedWindows;
        this.storedStates = storedStates;
        this.storedEventKeys = storedEventKeys;
        this.chunkSize = chunkSize;
        this.parsers = parsers;
    }

    /**
     * Every number starts with nothing known: its first registration is new on both counts. Any
     * time is believed: the analysts' scenarios date their examples as they like.
     */
    public static InMemoryRegistrationImport fromNothing(NumberDirectory numbers, RuleBook rules, Allowlist allowlist,
            int chunkSize) {
        return new InMemoryRegistrationImport(numbers, rules, false, allowlist,
                InMemoryRegistrationImport::nothingKnown, InMemoryRegistrationImport::emptyWindows, keys -> Set.of(),
                chunkSize, RegistrationParsers.believingAnyTime());
    }

    /**
     * Every number starts from what the database knows, and an event stored already is a
     * duplicate, as for the import; the database is only read. With {@code baseline} the state
     * is learned and no rule runs, as {@code --baseline} imports.
     */
    public static InMemoryRegistrationImport fromStored(RegistrationStateStore store, RegistrationEventStore events,
            AbuseWindowStore windows, NumberDirectory numbers, RuleBook rules, Allowlist allowlist, int chunkSize,
            RegistrationParsers parsers, boolean baseline) {
        return new InMemoryRegistrationImport(numbers, rules, baseline, allowlist, store::load, windows::load,
                events::storedKeys, chunkSize, parsers);
    }

    private static Map<AbuseEvaluator.WindowKey, AbuseWindow> emptyWindows(Collection<AbuseEvaluator.WindowKey> keys) {
        Map<AbuseEvaluator.WindowKey, AbuseWindow> empty = new HashMap<>();
        keys.forEach(key -> empty.put(key, AbuseWindow.empty()));
        return empty;
    }

    /** What the files evaluated so far learned. */
    public Learned learned() {
        return new Learned(learnedNumbers.size(), learnedAddresses, learnedAgents);
    }

    /** Starts a file; give it every line in order, then {@link FileRun#finish()}. */
    public FileRun startFile(String source, LogFormat format) {
        return new FileRun(source, format);
    }

    private static Map<String, NumberRegistrationState> nothingKnown(Collection<String> numbers) {
        Map<String, NumberRegistrationState> empty = new HashMap<>();
        numbers.forEach(n -> empty.put(n, new NumberRegistrationState(Set.of(), Set.of(), Map.of())));
        return empty;
    }

    /** One file being evaluated. */
    public final class FileRun {

        private final String source;
        private final RegistrationLineProcessor processor;
        private final List<StoredRegistration> events = new ArrayList<>();
        private final List<RejectedLines.Rejection> rejected = new ArrayList<>();
        private long records;
        private long duplicates;
        private long skipped;

        private FileRun(String source, LogFormat format) {
            this.source = source;
            this.processor = new RegistrationLineProcessor(parsers.forFormat(format));
        }

        public void accept(RegistrationLine line) {
            if (line.tooLong() == null && line.text().isBlank()) {
                return;
            }
            records++;
            RegistrationLineOutcome outcome = processor.process(line);
            if (outcome instanceof RegistrationLineOutcome.Skipped) {
                skipped++;
            } else if (outcome instanceof RegistrationLineOutcome.Rejected r) {
                rejected.add(new RejectedLines.Rejection(r.lineNumber(), r.field(), r.reason(), r.rawLine()));
            } else if (outcome instanceof RegistrationLineOutcome.NotANumber n) {
                skipped++;
                if (eventKeysSeen.add(n.eventKey())) {
                    events.add(stored(n.eventKey(), n.record()));
                }
            } else if (outcome instanceof RegistrationLineOutcome.Registration r) {
                if (!eventKeysSeen.add(r.eventKey())) {
                    duplicates++;
                    return;
                }
                events.add(stored(r.eventKey(), r.record()));
            }
        }

        private StoredRegistration stored(String eventKey, RegistrationRecord rec) {
            return new StoredRegistration(nextEventId++, eventKey, rec.time(), rec.number(), rec.sourceIp(),
                    rec.sourcePort(), rec.transport(), rec.userAgent(), rec.authResult(), rec.expiresS());
        }

        /** Evaluates the file's events not stored before in time order; returns what the file would raise. */
        public EvaluatedFile finish() {
            Set<String> stored = storedEventKeys.apply(events.stream().map(StoredRegistration::eventKey).toList());
            List<StoredRegistration> ordered = events.stream().filter(event -> !stored.contains(event.eventKey()))
                    .sorted(Comparator.comparing(StoredRegistration::time).thenComparingLong(StoredRegistration::id))
                    .toList();
            // a failure of a user that is no number counts as skipped, stored before or not
            long ofNumbers = ordered.stream().filter(e -> e.number() != null).count();
            duplicates += events.stream().filter(e -> e.number() != null).count() - ofNumbers;
            List<RaisedAlert> alerts = new ArrayList<>();
            for (int from = 0; from < ordered.size(); from += chunkSize) {
                alerts.addAll(evaluate(ordered.subList(from, Math.min(from + chunkSize, ordered.size()))));
            }
            return new EvaluatedFile(source, records, ofNumbers, duplicates, skipped, rejected, alerts);
        }

        private List<RaisedAlert> evaluate(List<StoredRegistration> events) {
            List<StoredRegistration> chunk = events.stream().filter(e -> e.number() != null).toList();
            Set<String> chunkNumbers = new LinkedHashSet<>();
            chunk.forEach(event -> chunkNumbers.add(event.number()));
            List<String> unknown = chunkNumbers.stream().filter(n -> !states.containsKey(n)).toList();
            if (!unknown.isEmpty()) {
                states.putAll(storedStates.apply(unknown));
            }
            Map<String, NumberSettings> settings = numbers.findAll(chunkNumbers);
            RegistrationEvaluator.Result result = evaluator.evaluate(chunk, settings, states);
            learnedNumbers.addAll(result.learning().numbers());
            learnedAddresses += result.learning().addresses();
            learnedAgents += result.learning().userAgents();
            if (baseline) {
                return result.alerts();
            }
            List<RaisedAlert> alerts = new ArrayList<>(result.alerts());
            Set<AbuseEvaluator.WindowKey> keys = abuse.windowsOf(events);
            List<AbuseEvaluator.WindowKey> unknownWindows = keys.stream().filter(k -> !windows.containsKey(k)).toList();
            if (!unknownWindows.isEmpty()) {
                windows.putAll(storedWindows.apply(unknownWindows));
            }
            alerts.addAll(abuse.evaluate(events, windows));
            return alerts;
        }
    }
}
