package org.voipguard.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What VoIPGuard knows about one number's registrations while a chunk is evaluated: the
 * addresses and User-Agents seen registered, and when each address last caused a lockdown
 * warning. Changes are remembered so they can be written back in the chunk's transaction.
 */
final class NumberRegistrationState {

    private static final Duration LOCKDOWN_QUIET_PERIOD = Duration.ofHours(24);

    private final Set<String> knownIps;
    private final Set<String> knownAgentHashes;
    private final Map<String, Instant> lockdownWarnings;
    private final Set<String> newIps = new HashSet<>();
    private final Map<String, String> newAgents = new HashMap<>();
    private final Map<String, Instant> newLockdownWarnings = new HashMap<>();

    NumberRegistrationState(Set<String> knownIps, Set<String> knownAgentHashes, Map<String, Instant> lockdownWarnings) {
        this.knownIps = new HashSet<>(knownIps);
        this.knownAgentHashes = new HashSet<>(knownAgentHashes);
        this.lockdownWarnings = new HashMap<>(lockdownWarnings);
    }

    boolean isNewIp(String ip) {
        return !knownIps.contains(ip);
    }

    /** A registration without a User-Agent never counts as a new one. */
    boolean isNewAgent(String userAgent) {
        return userAgent != null && !knownAgentHashes.contains(UserAgents.hash(userAgent));
    }

    boolean lockdownWarnedWithin24Hours(String ip, Instant time) {
        Instant last = lockdownWarnings.get(ip);
        return last != null && Duration.between(last, time).abs().compareTo(LOCKDOWN_QUIET_PERIOD) < 0;
    }

    void registered(String ip, String userAgent) {
        if (knownIps.add(ip)) {
            newIps.add(ip);
        }
        if (userAgent != null && knownAgentHashes.add(UserAgents.hash(userAgent))) {
            newAgents.put(UserAgents.hash(userAgent), userAgent);
        }
    }

    void lockdownWarned(String ip, Instant time) {
        lockdownWarnings.put(ip, time);
        newLockdownWarnings.put(ip, time);
    }

    /** What changed is written: from now on only later changes count as new. */
    void saved() {
        newIps.clear();
        newAgents.clear();
        newLockdownWarnings.clear();
    }

    Set<String> newIps() {
        return newIps;
    }

    Map<String, String> newAgents() {
        return newAgents;
    }

    Map<String, Instant> newLockdownWarnings() {
        return newLockdownWarnings;
    }
}
