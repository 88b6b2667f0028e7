package org.voipguard.callpatterns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outgoing calls the call-pattern checks look at, by local calendar day and number: for each
 * new call, the calls of its day and of the day before (for a minute or a long call that began
 * before midnight). A day is read whole from where the calls are kept the first time a call of
 * it (or of the day after) comes in, and the new calls are added as they are kept; so a call in
 * a later file continues the windows of an earlier one, and a run started again after a crash
 * reads back exactly what was committed. At most {@code daysKept} days are held (more only
 * while one chunk needs them), the least recently used given up first.
 */
public final class CallHistory {

    /** Where the calls are kept: the calls table, or nothing (a scenario). */
    @FunctionalInterface
    public interface Source {

        /** The outgoing calls that started from {@code from} (inclusive) to {@code to} (exclusive). */
        List<PatternCall> outgoingCallsStartingBetween(Instant from, Instant to);

        Source NOTHING = (from, to) -> List.of();
    }

    private final Source source;
    private final ZoneId zone;
    private final int daysKept;
    private final LinkedHashMap<LocalDate, Map<String, List<PatternCall>>> days = new LinkedHashMap<>(16, 0.75f, true);

    public CallHistory(Source source, ZoneId zone, int daysKept) {
        this.source = source;
        this.zone = zone;
        this.daysKept = daysKept;
    }

    /** Reads the days these calls are evaluated against that are not held yet. Call it before the calls are kept. */
    public void prepareFor(Collection<PatternCall> calls) {
        Set<LocalDate> needed = new HashSet<>();
        for (PatternCall call : calls) {
            LocalDate day = dayOf(call.start());
            needed.add(day);
            needed.add(day.minusDays(1));
        }
        for (LocalDate day : needed) {
            if (days.get(day) == null) {
                days.put(day, read(day));
            }
        }
        forgetBeyond(Math.max(daysKept, needed.size()), needed);
    }

    /** Adds calls just kept (new ones only: a call read back from the source must not be added again). */
    public void add(Collection<PatternCall> calls) {
        for (PatternCall call : calls) {
            Map<String, List<PatternCall>> day = days.get(dayOf(call.start()));
            if (day != null) {
                day.computeIfAbsent(call.number(), n -> new ArrayList<>()).add(call);
            }
        }
    }

    LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    ZoneId zone() {
        return zone;
    }

    /** The number's calls of a day held, in no particular order. */
    List<PatternCall> callsOf(String number, LocalDate day) {
        Map<String, List<PatternCall>> calls = days.get(day);
        return calls == null ? List.of() : calls.getOrDefault(number, List.of());
    }

    private Map<String, List<PatternCall>> read(LocalDate day) {
        Map<String, List<PatternCall>> byNumber = new HashMap<>();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        for (PatternCall call : source.outgoingCallsStartingBetween(from, to)) {
            byNumber.computeIfAbsent(call.number(), n -> new ArrayList<>()).add(call);
        }
        return byNumber;
    }

    private void forgetBeyond(int limit, Set<LocalDate> needed) {
        Iterator<LocalDate> eldestFirst = days.keySet().iterator();
        while (days.size() > limit && eldestFirst.hasNext()) {
            if (!needed.contains(eldestFirst.next())) {
                eldestFirst.remove();
            }
        }
    }
}
