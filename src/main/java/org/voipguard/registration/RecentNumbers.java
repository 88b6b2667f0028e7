package org.voipguard.registration;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.voipguard.memory.LeastRecentlyUsed;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;

/**
 * The settings and registration state of the numbers an evaluation step has seen lately, so
 * that a number's next events, usually in a later chunk of a time-ordered log, need not read
 * them again. Sound for one step execution only: nothing else changes them meanwhile (one run
 * at a time), every chunk writes its changes, and a chunk that fails ends the step and this
 * cache with it. The least recently used numbers go first when it is full.
 */
final class RecentNumbers {

    /** What is known of one number. */
    record Known(NumberSettings settings, NumberRegistrationState state) {
    }

    private final NumberDirectory numbers;
    private final RegistrationStateStore store;
    private final Map<String, Known> known;

    RecentNumbers(NumberDirectory numbers, RegistrationStateStore store, int capacity) {
        this.numbers = numbers;
        this.store = store;
        this.known = new LeastRecentlyUsed<>(capacity);
    }

    /** One entry for each of the numbers, read from the database for those not held. */
    Map<String, Known> get(Collection<String> chunkNumbers) {
        List<String> missing = chunkNumbers.stream().filter(n -> !known.containsKey(n)).toList();
        Map<String, Known> result = new LinkedHashMap<>();
        if (!missing.isEmpty()) {
            Map<String, NumberSettings> settings = numbers.findAll(missing);
            Map<String, NumberRegistrationState> states = store.load(missing);
            missing.forEach(n -> result.put(n, new Known(settings.get(n), states.get(n))));
        }
        chunkNumbers.forEach(n -> result.computeIfAbsent(n, known::get));
        known.putAll(result);
        return result;
    }
}
