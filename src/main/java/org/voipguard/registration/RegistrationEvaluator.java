package org.voipguard.registration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.voipguard.numbers.NumberSettings;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.rules.RuleBook;
import org.voipguard.rules.facts.RegistrationAttempt;

/**
 * Evaluates policies P2 and P4 for registrations given with each number's events in time order, updating each
 * number's {@link NumberRegistrationState} as it goes. An event's facts depend on what the
 * events before it changed (a new address becomes known, a lockdown warning starts its 24
 * hours), so the events are evaluated in rounds: the first event of every number, then the
 * second, and so on, one short-lived session a round. The import job and the in-memory
 * evaluation (dry run, scenarios) share this logic; only where the state lives differs.
 *
 * <p>A {@link Mode#BASELINE baseline} evaluation (a provider's history, imported once before
 * VoIPGuard runs for real) learns the same state, addresses and User-Agents, and gives each
 * event the same outcome, but runs no rule: it raises no alert, so nobody is told about phones
 * they have had for years, and starts no lockdown quiet period.
 */
final class RegistrationEvaluator {

    /** Whether the rules run. */
    enum Mode { ALERTING, BASELINE }

    private final RuleBook rules;
    private final Mode mode;

    RegistrationEvaluator(RuleBook rules) {
        this(rules, Mode.ALERTING);
    }

    RegistrationEvaluator(RuleBook rules, Mode mode) {
        this.rules = rules;
        this.mode = mode;
    }

    /** What a batch of events amounted to: the alerts, each event's outcome and what became known. */
    record Result(List<RaisedAlert> alerts, Map<Long, RegistrationOutcome> outcomes, Learning learning) {
    }

    /** The numbers that registered from a new address or with a new User-Agent, and how many of each were new. */
    record Learning(Set<String> numbers, long addresses, long userAgents) {
    }

    /**
     * @param settings one entry for every number of the events
     * @param states   one entry for every number of the events; changed in place
     */
    Result evaluate(List<? extends StoredRegistration> events, Map<String, NumberSettings> settings,
            Map<String, NumberRegistrationState> states) {
        Map<String, Deque<StoredRegistration>> pending = byNumber(events);
        Map<Long, RegistrationOutcome> outcomes = new HashMap<>();
        List<RaisedAlert> raised = new ArrayList<>();
        Set<String> learnedNumbers = new HashSet<>();
        long learnedAddresses = 0;
        long learnedAgents = 0;
        while (!pending.isEmpty()) {
            List<StoredRegistration> round = nextRound(pending);
            List<RegistrationAttempt> facts = round.stream()
                    .map(event -> fact(event, settings.get(event.number()), states.get(event.number()))).toList();
            List<RaisedAlert> roundAlerts = mode == Mode.BASELINE ? List.of() : rules.evaluate(facts);
            raised.addAll(roundAlerts);
            Set<Object> alertedAbout = RaisedAlert.subjectsOf(roundAlerts);
            for (int i = 0; i < round.size(); i++) {
                StoredRegistration event = round.get(i);
                RegistrationAttempt fact = facts.get(i);
                RegistrationOutcome outcome = outcome(fact);
                outcomes.put(event.id(), outcome);
                NumberRegistrationState state = states.get(event.number());
                if (outcome == RegistrationOutcome.ACCEPTED) {
                    learnedAddresses += fact.isNewIp() ? 1 : 0;
                    learnedAgents += fact.isNewUserAgent() ? 1 : 0;
                    if (fact.isNewIp() || fact.isNewUserAgent()) {
                        learnedNumbers.add(event.number());
                    }
                    state.registered(event.sourceIp(), event.userAgent(), fact.isNewUserAgent());
                }
                // P2: whatever an analyst calls it, an alert about a blocked registration is the
                // lockdown notice, and starts the number and address's 24 hours of quiet.
                if (outcome == RegistrationOutcome.BLOCKED && alertedAbout.contains(fact)) {
                    state.lockdownWarned(event.sourceIp(), event.time());
                }
            }
        }
        return new Result(raised, outcomes, new Learning(learnedNumbers, learnedAddresses, learnedAgents));
    }

    private static Map<String, Deque<StoredRegistration>> byNumber(List<? extends StoredRegistration> events) {
        Map<String, Deque<StoredRegistration>> byNumber = new LinkedHashMap<>();
        for (StoredRegistration event : events) {
            byNumber.computeIfAbsent(event.number(), n -> new ArrayDeque<>()).add(event);
        }
        return byNumber;
    }

    private static List<StoredRegistration> nextRound(Map<String, Deque<StoredRegistration>> pending) {
        List<StoredRegistration> round = new ArrayList<>();
        var numbers = pending.entrySet().iterator();
        while (numbers.hasNext()) {
            Deque<StoredRegistration> events = numbers.next().getValue();
            round.add(events.poll());
            if (events.isEmpty()) {
                numbers.remove();
            }
        }
        return round;
    }

    private static RegistrationAttempt fact(StoredRegistration event, NumberSettings settings,
            NumberRegistrationState state) {
        return new RegistrationAttempt(event.eventKey(), event.number(), event.time().toString(), event.sourceIp(),
                event.userAgent(), event.authResult().name(), settings.accessList().isEmpty(),
                settings.accessList().permits(event.sourceIp()), state.isNewIp(event.sourceIp()),
                state.isNewAgent(event.userAgent()), settings.ipAgentNotify().name(),
                state.lockdownWarnedWithin24Hours(event.sourceIp(), event.time()));
    }

    private static RegistrationOutcome outcome(RegistrationAttempt fact) {
        if (fact.isBlocked()) {
            return RegistrationOutcome.BLOCKED;
        }
        return fact.isCorrectPassword() ? RegistrationOutcome.ACCEPTED : RegistrationOutcome.AUTH_FAILED;
    }
}
