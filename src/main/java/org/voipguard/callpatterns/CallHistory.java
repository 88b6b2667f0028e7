package org.voipguard.callpatterns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The outgoing calls the call-pattern checks look at, by local calendar day and number: for each
 * new call, the calls of its day and of the day before (for a minute or a long call that began
 * before midnight). A day is read whole from where the calls are kept the first time a call of
 * it (or of the day after) comes in, and the new calls are added as they are kept; so a call in
 * a later file continues the windows of an earlier one, and a run started again after a crash
 * reads back exactly what was committed. At most {@code daysKept} days are held (more only
 * while one chunk needs them), the least recently used given up first.
 *
 * <p>A day held is every outgoing call of that day, so it is kept compact ({@link HeldDay}):
 * about half the memory the calls take as objects. The calls of one number and day are
 * made into {@link PatternCall}s only while they are evaluated.
 */
public final class CallHistory {

    /** Where the calls are kept: the calls table, or nothing (a scenario). */
    @FunctionalInterface
    public interface Source {

        /** Hands over, one at a time, the outgoing calls that started from {@code from} (inclusive) to {@code to} (exclusive). */
        void outgoingCallsStartingBetween(Instant from, Instant to, Consumer<PatternCall> calls);

        Source NOTHING = (from, to, calls) -> {
        };

        /** The same calls, of the numbers wanted only: what one part of an import holds. */
        default Source ofNumbers(Predicate<String> wanted) {
            return (from, to, calls) -> outgoingCallsStartingBetween(from, to, call -> {
                if (wanted.test(call.number())) {
                    calls.accept(call);
                }
            });
        }
    }

    private final Source source;
    private final ZoneId zone;
    private final int daysKept;
    private final LinkedHashMap<LocalDate, HeldDay> days = new LinkedHashMap<>(16, 0.75f, true);

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
            HeldDay day = days.get(dayOf(call.start()));
            if (day != null) {
                day.add(call);
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
        HeldDay calls = days.get(day);
        return calls == null ? List.of() : calls.callsOf(number);
    }

    /** How many calls the days held hold. */
    long callsHeld() {
        return days.values().stream().mapToLong(HeldDay::size).sum();
    }

    private HeldDay read(LocalDate day) {
        HeldDay held = new HeldDay();
        source.outgoingCallsStartingBetween(day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(), held::add);
        return held;
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
