package org.voipguard.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.voipguard.blocklist.Allowlist;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.rules.RuleBook;
import org.voipguard.rules.facts.AddressAuthFailures;
import org.voipguard.rules.facts.NumberAuthFailures;
import org.voipguard.rules.facts.ScannerRequests;
import org.voipguard.rules.facts.ThresholdCount;
import org.voipguard.thresholds.Check;
import org.voipguard.thresholds.Severity;
import org.voipguard.thresholds.Threshold;

/**
 * The registration-abuse checks, over registrations and failed authentications in time order:
 * {@code AUTH_FAILURES} counts the failures from each address (wrong passwords and unknown
 * users, users that are no number included), {@code PASSWORD_GUESSING} the wrong passwords for
 * each number, {@code SCANNER} the requests from each address with a known scanner's
 * User-Agent. Each count is taken over the check's window in the thresholds file; when it
 * reaches a threshold and the subject is not in a quiet period for that severity, a fact goes
 * to the rules, and an alert they raise starts the quiet period. Addresses on the allowlist
 * are not counted. The import job keeps the windows in the database, the dry run and the
 * scenarios in memory; the logic is the same.
 */
final class AbuseEvaluator {

    /** How many numbers or addresses an alert lists; the count says how many there were. */
    static final int MOST_LISTED = 20;
    /** What an alert lists for a failure of a user that is no telephone number. */
    static final String NOT_A_NUMBER = "(a user that is no number)";

    /** The window of one check for one subject. */
    record WindowKey(Check check, String subject) {

        /** Whether the subject is a number ({@code PASSWORD_GUESSING}) rather than a source address. */
        boolean ofNumber() {
            return check == Check.PASSWORD_GUESSING;
        }
    }

    private final RuleBook rules;
    private final Allowlist allowlist;
    private final Predicate<WindowKey> counts;
    private final Map<Check, Threshold> thresholds = new EnumMap<>(Check.class);

    /** Counts every window. */
    AbuseEvaluator(RuleBook rules, Allowlist allowlist) {
        this(rules, allowlist, window -> true);
    }

    /**
     * Counts only the windows {@code counts} accepts, and passes over the events' other windows:
     * those of the subjects another part of the import counts.
     */
    AbuseEvaluator(RuleBook rules, Allowlist allowlist, Predicate<WindowKey> counts) {
        this.rules = rules;
        this.allowlist = allowlist;
        this.counts = counts;
        for (Check check : List.of(Check.AUTH_FAILURES, Check.PASSWORD_GUESSING, Check.SCANNER)) {
            rules.thresholds().forCheck(check).ifPresent(threshold -> thresholds.put(check, threshold));
        }
    }

    /** The windows {@link #evaluate} needs for these events: none for the checks switched off. */
    Set<WindowKey> windowsOf(Collection<? extends StoredRegistration> events) {
        Set<WindowKey> keys = new LinkedHashSet<>();
        for (StoredRegistration event : events) {
            for (Counted counted : counted(event)) {
                keys.add(new WindowKey(counted.check(), counted.subject()));
            }
        }
        return keys;
    }

    /**
     * The facts of all the events go to the rules in one session, the quiet period of each
     * subject started as soon as its fact is built, on the guess that the rules raise an alert
     * about every fact (the shipped rules do). When they leave a fact without an alert, the
     * events are counted again from the windows as they were, one session a fact, so that the
     * next events of that subject are judged without a quiet period.
     *
     * @param events  in time order
     * @param windows one entry for each of {@link #windowsOf} the events; changed in place
     */
    List<RaisedAlert> evaluate(List<? extends StoredRegistration> events, Map<WindowKey, AbuseWindow> windows) {
        Map<WindowKey, AbuseWindow> before = new HashMap<>();
        windows.forEach((key, window) -> before.put(key, window.copy()));
        List<ThresholdCount> facts = new ArrayList<>();
        count(events, windows, fact -> {
            facts.add(fact);
            return true;
        });
        if (facts.isEmpty()) {
            return List.of();
        }
        List<RaisedAlert> alerts = rules.evaluate(facts);
        if (RaisedAlert.subjectsOf(alerts).containsAll(facts)) {
            return alerts;
        }
        windows.putAll(before);
        List<RaisedAlert> raised = new ArrayList<>();
        count(events, windows, fact -> {
            List<RaisedAlert> alerted = rules.evaluate(List.of(fact));
            raised.addAll(alerted);
            return !alerted.isEmpty();
        });
        return raised;
    }

    /** Counts the events; {@code judge} gets each fact built and says whether it raised an alert. */
    private void count(List<? extends StoredRegistration> events, Map<WindowKey, AbuseWindow> windows,
            Predicate<ThresholdCount> judge) {
        for (StoredRegistration event : events) {
            for (Counted counted : counted(event)) {
                AbuseWindow window = windows.get(new WindowKey(counted.check(), counted.subject()));
                count(counted, event, window, judge);
            }
        }
    }

    /**
     * What one event counts towards: one entry per check that is on and counts it. Most events
     * are accepted registrations of known phones that count towards nothing, so the cheap tests
     * come first and the allowlist is asked only about an event that would count.
     */
    private List<Counted> counted(StoredRegistration event) {
        Threshold failures = event.authResult() != AuthResult.OK ? thresholds.get(Check.AUTH_FAILURES) : null;
        Threshold guessing = event.authResult() == AuthResult.BAD_PASSWORD && event.number() != null
                ? thresholds.get(Check.PASSWORD_GUESSING) : null;
        Threshold scanning = thresholds.get(Check.SCANNER);
        Optional<String> scanner = scanning == null ? Optional.empty()
                : rules.scannerUserAgents().match(event.userAgent());
        if (failures == null && guessing == null && scanner.isEmpty()) {
            return List.of();
        }
        List<Counted> counted = new ArrayList<>(3);
        boolean allowlisted = (failures != null || scanner.isPresent()) && allowlist.contains(event.sourceIp());
        String tried = event.number() == null ? NOT_A_NUMBER : event.number();
        if (failures != null && !allowlisted) {
            counted.add(new Counted(failures, event.sourceIp(), tried, null));
        }
        if (guessing != null) {
            counted.add(new Counted(guessing, event.number(), event.sourceIp(), null));
        }
        if (scanner.isPresent() && !allowlisted) {
            counted.add(new Counted(scanning, event.sourceIp(), tried, scanner.get()));
        }
        counted.removeIf(c -> !counts.test(new WindowKey(c.check(), c.subject())));
        return counted;
    }

    private static void count(Counted counted, StoredRegistration event, AbuseWindow window,
            Predicate<ThresholdCount> judge) {
        Threshold threshold = counted.threshold();
        long capacity = Math.max(threshold.warning(), threshold.critical());
        long count = window.add(event.time(), counted.tried(), threshold.window(), capacity);
        Optional<Severity> severity = threshold.severityOf(count);
        if (severity.isEmpty() || window.isQuietFor(severity.get(), event.time())) {
            return;
        }
        if (judge.test(fact(counted, event, window, count, severity.get()))) {
            window.alerted(severity.get(), event.time(), threshold.quiet());
        }
    }

    private static ThresholdCount fact(Counted counted, StoredRegistration event, AbuseWindow window, long count,
            Severity severity) {
        Threshold t = counted.threshold();
        Duration span = t.window();
        String first = window.firstWithin(event.time(), span).toString();
        String last = event.time().toString();
        List<String> tried = window.triedWithin(event.time(), span);
        return switch (t.check()) {
            case AUTH_FAILURES -> new AddressAuthFailures(counted.subject(), count, span, first, last, t.warning(),
                    t.critical(), severity.name(), tried.size(), listed(tried));
            case PASSWORD_GUESSING -> new NumberAuthFailures(counted.subject(), count, span, first, last, t.warning(),
                    t.critical(), severity.name(), tried.size(), listed(tried));
            case SCANNER -> new ScannerRequests(counted.subject(), count, span, first, last, t.warning(), t.critical(),
                    severity.name(), counted.scanner(), event.userAgent());
            default -> throw new IllegalStateException("not a registration check: " + t.check());
        };
    }

    /** At most {@link #MOST_LISTED}, then how many more. */
    private static List<String> listed(List<String> tried) {
        if (tried.size() <= MOST_LISTED) {
            return tried;
        }
        List<String> listed = new ArrayList<>(tried.subList(0, MOST_LISTED));
        listed.add("and " + (tried.size() - MOST_LISTED) + " more");
        return listed;
    }

    /** An event counted by one check: its subject, what it tried, and the scanner it matched (SCANNER only). */
    private record Counted(Threshold threshold, String subject, String tried, String scanner) {

        Check check() {
            return threshold.check();
        }
    }
}
