package org.voipguard.notification;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.voipguard.thresholds.Severity;

/**
 * The severity an email carries in {@code X-VoIPGuard-Severity}: taken from the fact
 * {@code severity} of its alerts, only when it is exactly one of {@link Severity}'s names (a
 * fact is text a rule wrote, never put in a header as it is), the highest of them for an email
 * listing several alerts.
 */
final class AlertSeverity {

    static final String FACT = "severity";

    private AlertSeverity() {
    }

    /** The highest valid severity among the alerts' facts; empty when none has one. */
    static Optional<Severity> highestOf(Collection<Map<String, String>> alertFacts) {
        return alertFacts.stream().map(facts -> fromStored(facts.get(FACT))).flatMap(Optional::stream)
                .max(Enum::compareTo);
    }

    /** The severity a stored text names exactly, if any. */
    static Optional<Severity> fromStored(String text) {
        return Arrays.stream(Severity.values()).filter(severity -> severity.name().equals(text)).findFirst();
    }
}
