package org.voipguard.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;

/**
 * A copy of the shipped rules in a folder of a restart test's own, where a tripwire rule can be
 * laid that fails the import on one call (a chunk that dies half way) and taken away again for
 * the restart.
 */
public final class TripwireRules {

    /** The shipped {@code .drl} files alone: no threshold check runs. */
    public static final Predicate<Path> RULE_FILES = file -> file.toString().endsWith(".drl");
    /** The shipped {@code .drl} files and {@code thresholds.csv}: the threshold checks run as shipped. */
    public static final Predicate<Path> RULE_FILES_AND_THRESHOLDS =
            RULE_FILES.or(file -> file.endsWith("thresholds.csv"));

    private static final String TRIPWIRE = "tripwire.drl";

    private TripwireRules() {
    }

    /** Copies the shipped files that {@code which} accepts into {@code folder}, replacing older copies. */
    public static void copyShipped(Path folder, Predicate<Path> which) throws IOException {
        Files.createDirectories(folder);
        try (var shipped = Files.list(Path.of("rules"))) {
            for (Path file : shipped.filter(which).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Lays a rule named {@code Tripwire that fails on call <name>} that throws on the call with this id. */
    public static void lay(Path folder, String name, String callId) throws IOException {
        Files.writeString(folder.resolve(TRIPWIRE), """
                package org.voipguard.policies;
                import org.voipguard.rules.facts.OutgoingCall;
                global org.voipguard.rules.AlertCollector alerts;
                rule "Tripwire that fails on call %s"
                when
                    $call : OutgoingCall( callId == "%s" )
                then
                    throw new IllegalStateException("tripwire");
                end
                """.formatted(name, callId));
    }

    /** Lays a rule that throws on the registration of this number at this time ({@code Instant.toString()}). */
    public static void layOnRegistration(Path folder, String number, String time) throws IOException {
        Files.writeString(folder.resolve(TRIPWIRE), """
                package org.voipguard.policies;
                import org.voipguard.rules.facts.RegistrationAttempt;
                global org.voipguard.rules.AlertCollector alerts;
                rule "Tripwire that fails on the registration of %s at %s"
                when
                    $attempt : RegistrationAttempt( number == "%s", time == "%s" )
                then
                    throw new IllegalStateException("tripwire");
                end
                """.formatted(number, time, number, time));
    }

    public static void remove(Path folder) throws IOException {
        Files.delete(folder.resolve(TRIPWIRE));
    }
}
