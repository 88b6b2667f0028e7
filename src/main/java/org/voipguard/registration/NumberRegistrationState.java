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

    /*
     * Immutable, and replaced by a copy when one is added: most numbers keep one or two for
     * months, and the evaluation holds 100,000 numbers' states, where a hash set per number
     * took 30 to 60 MB more.
     */
    private Set<String> knownIps;
    private Set<String> knownAgentHashes;
    private final Map<String, Instant> lockdownWarnings;
    /** What changed since the state was loaded or last saved; null while nothing did, to keep idle states small. */
    private Unsaved unsaved;

    private record Unsaved(Set<String> ips, Map<String, String> agents, Map<String, Instant> lockdownWarnings) {

        Unsaved() {
            this(new HashSet<>(), new HashMap<>(), new HashMap<>());
        }
    }

    NumberRegistrationState(Set<String> knownIps, Set<String> knownAgentHashes, Map<String, Instant> lockdownWarnings) {
        this.knownIps = Set.copyOf(knownIps);
        this.knownAgentHashes = Set.copyOf(knownAgentHashes);
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

    /**
     * The number registered from this address with this User-Agent. {@code newAgent} is what
     * {@link #isNewAgent} answered of this state for it, so that a known User-Agent, the common
     * case, is not hashed a second time.
     */
    void registered(String ip, String userAgent, boolean newAgent) {
        if (!knownIps.contains(ip)) {
            knownIps = with(knownIps, ip);
            unsaved().ips().add(ip);
        }
        if (newAgent) {
            String agentHash = UserAgents.hash(userAgent);
            knownAgentHashes = with(knownAgentHashes, agentHash);
            unsaved().agents().put(agentHash, userAgent);
        }
    }

    private static Set<String> with(Set<String> known, String added) {
        Set<String> more = new HashSet<>(known);
        more.add(added);
        return Set.copyOf(more);
    }

    void lockdownWarned(String ip, Instant time) {
        lockdownWarnings.put(ip, time);
        unsaved().lockdownWarnings().put(ip, time);
    }

    /** What changed is written: from now on only later changes count as new. */
    void saved() {
        unsaved = null;
    }

    Set<String> newIps() {
        return unsaved == null ? Set.of() : unsaved.ips();
    }

    Map<String, String> newAgents() {
        return unsaved == null ? Map.of() : unsaved.agents();
    }

    Map<String, Instant> newLockdownWarnings() {
        return unsaved == null ? Map.of() : unsaved.lockdownWarnings();
    }

    private Unsaved unsaved() {
        if (unsaved == null) {
            unsaved = new Unsaved();
        }
        return unsaved;
    }
}
