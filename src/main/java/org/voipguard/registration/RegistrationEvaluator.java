package org.voipguard.registration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
 */
final class RegistrationEvaluator {

    private final RuleBook rules;

    RegistrationEvaluator(RuleBook rules) {
        this.rules = rules;
    }

    /** What a batch of events amounted to: the alerts and each event's outcome. */
    record Result(List<RaisedAlert> alerts, Map<Long, RegistrationOutcome> outcomes) {
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
        while (!pending.isEmpty()) {
            List<StoredRegistration> round = nextRound(pending);
            List<RegistrationAttempt> facts = round.stream()
                    .map(event -> fact(event, settings.get(event.number()), states.get(event.number()))).toList();
            List<RaisedAlert> roundAlerts = rules.evaluate(facts);
            raised.addAll(roundAlerts);
            Set<Object> alertedAbout = RaisedAlert.subjectsOf(roundAlerts);
            for (int i = 0; i < round.size(); i++) {
                StoredRegistration event = round.get(i);
                RegistrationAttempt fact = facts.get(i);
                RegistrationOutcome outcome = outcome(fact);
                outcomes.put(event.id(), outcome);
                NumberRegistrationState state = states.get(event.number());
                if (outcome == RegistrationOutcome.ACCEPTED) {
                    state.registered(event.sourceIp(), event.userAgent());
                }
                // P2: whatever an analyst calls it, an alert about a blocked registration is the
                // lockdown notice, and starts the number and address's 24 hours of quiet.
                if (outcome == RegistrationOutcome.BLOCKED && alertedAbout.contains(fact)) {
                    state.lockdownWarned(event.sourceIp(), event.time());
                }
            }
        }
        return new Result(raised, outcomes);
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
