package org.voipguard.cdr.formats;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Kamailio calls answered and not hung up yet: an INVITE waits here for its BYE, which may come
 * in a later file. The import job keeps them in the database, in the transaction of the chunk
 * that read the line, so that a restarted import and the next file find them; a dry run keeps
 * its own in memory over what is stored.
 */
public interface OpenCalls {

    /** An answered INVITE: who called what, and when. */
    record Leg(String callId, String number, String called, OffsetDateTime start) {
    }

    /** Keeps the leg unless one with its call id is open already (a repeated INVITE). */
    void open(Leg leg);

    /** Removes and returns the open leg of the call id. */
    Optional<Leg> close(String callId);

    /** True when the call is stored already: its BYE or INVITE is read a second time. */
    boolean stored(String callId);

    /** Open calls held in memory, over those {@code below} knows (which are read, never changed). */
    static OpenCalls inMemory(Function<String, Optional<Leg>> below, Predicate<String> storedBelow) {
        return new OpenCalls() {
            private final Map<String, Leg> opened = new HashMap<>();
            private final Set<String> closed = new HashSet<>();

            @Override
            public void open(Leg leg) {
                if (!closed.contains(leg.callId()) && below.apply(leg.callId()).isEmpty()) {
                    opened.putIfAbsent(leg.callId(), leg);
                }
            }

            @Override
            public Optional<Leg> close(String callId) {
                Leg leg = opened.remove(callId);
                if (leg != null) {
                    closed.add(callId);
                    return Optional.of(leg);
                }
                if (closed.contains(callId)) {
                    return Optional.empty();
                }
                Optional<Leg> stored = below.apply(callId);
                stored.ifPresent(l -> closed.add(callId));
                return stored;
            }

            @Override
            public boolean stored(String callId) {
                return closed.contains(callId) || storedBelow.test(callId);
            }
        };
    }

    /** Nothing stored: for the analysts' scenarios and tests. */
    static OpenCalls inMemory() {
        return inMemory(callId -> Optional.empty(), callId -> false);
    }
}
