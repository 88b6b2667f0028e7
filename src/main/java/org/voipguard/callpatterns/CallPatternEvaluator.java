package org.voipguard.callpatterns;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.voipguard.rules.facts.CallPattern;
import org.voipguard.thresholds.Check;
import org.voipguard.thresholds.Severity;
import org.voipguard.thresholds.Threshold;
import org.voipguard.thresholds.Thresholds;

/**
 * Counts the windows of the call-pattern checks over each number's outgoing calls in time
 * order, and gives a {@link CallPattern} fact for every window that reached a threshold and
 * holds a new call; the rules decide what to raise. Neither Spring Batch nor SQL: the import,
 * the dry run and the scenarios use it alike, with their own {@link CallHistory}.
 *
 * <p>A call is counted by the threshold row that applies to it (its number's profile, the
 * longest prefix of the dialled number, its day and hour), and each row counts only the calls
 * it applies to, so calls to {@code 882} are held against the {@code 882} row and other calls
 * against the row for every number. Windows belong to the local calendar day of the call where
 * the count is taken:
 * <ul>
 * <li>{@code CALL_RATE}: calls started in the row's window before a call and up to it
 * ({@code (t - 60s, t]});</li>
 * <li>{@code CONCURRENT_CALLS}: calls in progress when a call starts, itself included (a call
 * is in progress from its start until start plus duration; unanswered calls never are);</li>
 * <li>{@code SEQUENTIAL_CALLS}: calls one after the other to the same dialled number, any
 * call to another number ending the run; runs start afresh at midnight;</li>
 * <li>{@code LONG_CALL}: one call's whole minutes;</li>
 * <li>{@code DAILY_CALLS}: calls in the calendar day.</li>
 * </ul>
 * Overlapping windows that reached a threshold are one burst, named by its first call, with
 * the highest count and severity of its windows: one fact per burst and severity reached.
 */
public final class CallPatternEvaluator {

    private final Thresholds thresholds;
    private final boolean on;

    public CallPatternEvaluator(Thresholds thresholds) {
        this.thresholds = thresholds;
        this.on = thresholds.anyCallCheckOn();
    }

    /** False when the thresholds file switches every call check off: nothing to count, nothing to read. */
    public boolean isOn() {
        return on;
    }

    /**
     * The windows that reached a threshold and hold at least one of the new calls.
     *
     * @param newCalls the calls just kept, already added to the history
     * @param profiles the threshold profile of every number of the new calls
     */
    public List<CallPattern> windowsReached(Collection<PatternCall> newCalls, CallHistory history,
            Map<String, String> profiles) {
        if (!on || newCalls.isEmpty()) {
            return List.of();
        }
        Map<NumberDay, List<PatternCall>> byNumberDay = new LinkedHashMap<>();
        for (PatternCall call : newCalls) {
            byNumberDay.computeIfAbsent(new NumberDay(call.number(), history.dayOf(call.start())),
                    k -> new ArrayList<>()).add(call);
        }
        List<CallPattern> facts = new ArrayList<>();
        byNumberDay.forEach((numberDay, calls) -> facts.addAll(new DayOfCalls(numberDay, history,
                calls.stream().map(PatternCall::callId).collect(Collectors.toSet()),
                profiles.getOrDefault(numberDay.number(), Thresholds.DEFAULT_PROFILE)).windowsReached()));
        return facts;
    }

    private record NumberDay(String number, LocalDate day) {
    }

    /** One number's calls of one day (and of the day before, for the windows that reach back). */
    private final class DayOfCalls {

        private final NumberDay numberDay;
        private final String profile;
        private final List<PatternCall> calls;
        private final List<ZonedDateTime> localStarts;
        private final boolean[] isNew;
        private final int firstOfDay;

        DayOfCalls(NumberDay numberDay, CallHistory history, Set<String> newIds, String profile) {
            this.numberDay = numberDay;
            this.profile = profile;
            List<PatternCall> dayBefore = new ArrayList<>(history.callsOf(numberDay.number(), numberDay.day().minusDays(1)));
            List<PatternCall> day = new ArrayList<>(history.callsOf(numberDay.number(), numberDay.day()));
            dayBefore.sort(PatternCall.IN_TIME_ORDER);
            day.sort(PatternCall.IN_TIME_ORDER);
            this.firstOfDay = dayBefore.size();
            this.calls = new ArrayList<>(dayBefore);
            this.calls.addAll(day);
            this.localStarts = calls.stream().map(call -> call.start().atZone(history.zone())).toList();
            this.isNew = new boolean[calls.size()];
            for (int i = firstOfDay; i < calls.size(); i++) {
                isNew[i] = newIds.contains(calls.get(i).callId());
            }
        }

        List<CallPattern> windowsReached() {
            List<CallPattern> facts = new ArrayList<>();
            facts.addAll(callRate());
            facts.addAll(concurrentCalls());
            facts.addAll(sequentialCalls());
            facts.addAll(longCalls());
            facts.addAll(dailyCalls());
            return facts;
        }

        /**
         * Hands each row of a check the positions of the calls it applies to, in time order (from
         * {@code from} on), rows in the order their first call comes. A check has a few rows, each
         * one instance: they are told apart by identity, since hashing a row for every call of a
         * busy number's day cost more than the lookup itself.
         */
        private void forEachRow(Check check, int from, BiConsumer<Threshold, List<Integer>> action) {
            List<Threshold> rows = new ArrayList<>(2);
            List<List<Integer>> groups = new ArrayList<>(2);
            for (int i = from; i < calls.size(); i++) {
                Threshold row = rowOf(check, i);
                if (row == null) {
                    continue;
                }
                int at = indexOfSame(rows, row);
                if (at < 0) {
                    rows.add(row);
                    groups.add(new ArrayList<>());
                    at = rows.size() - 1;
                }
                groups.get(at).add(i);
            }
            for (int at = 0; at < rows.size(); at++) {
                action.accept(rows.get(at), groups.get(at));
            }
        }

        private static int indexOfSame(List<Threshold> rows, Threshold row) {
            for (int at = 0; at < rows.size(); at++) {
                if (rows.get(at) == row) {
                    return at;
                }
            }
            return -1;
        }

        private Threshold rowOf(Check check, int i) {
            return thresholds.forCall(profile, check, calls.get(i).dialledDigits(), localStarts.get(i)).orElse(null);
        }

        private List<CallPattern> callRate() {
            List<CallPattern> facts = new ArrayList<>();
            forEachRow(Check.CALL_RATE, 0, (row, group) -> {
                Duration window = row.window().isZero() ? Duration.ofSeconds(60) : row.window();
                Bursts bursts = new Bursts(Check.CALL_RATE, row, group, "calls started within " + seconds(window));
                int lo = 0;
                for (int k = 0; k < group.size(); k++) {
                    PatternCall call = calls.get(group.get(k));
                    while (!calls.get(group.get(lo)).start().isAfter(call.start().minus(window))) {
                        lo++;
                    }
                    if (group.get(k) >= firstOfDay) {
                        bursts.count(k, lo, k - lo + 1);
                    }
                }
                facts.addAll(bursts.reached());
            });
            return facts;
        }

        private List<CallPattern> concurrentCalls() {
            List<CallPattern> facts = new ArrayList<>();
            forEachRow(Check.CONCURRENT_CALLS, 0, (row, group) -> {
                Bursts bursts = new Bursts(Check.CONCURRENT_CALLS, row, group, "calls in progress at once");
                PriorityQueue<Integer> inProgress = new PriorityQueue<>(
                        Comparator.comparing((Integer k) -> calls.get(group.get(k)).end()));
                for (int k = 0; k < group.size(); k++) {
                    PatternCall call = calls.get(group.get(k));
                    while (!inProgress.isEmpty() && !calls.get(group.get(inProgress.peek())).end().isAfter(call.start())) {
                        inProgress.poll();
                    }
                    if (call.durationS() <= 0) {
                        continue;
                    }
                    inProgress.add(k);
                    if (group.get(k) >= firstOfDay) {
                        bursts.count(k, inProgress.stream().mapToInt(Integer::intValue).min().orElse(k), inProgress.size());
                    }
                }
                facts.addAll(bursts.reached());
            });
            return facts;
        }

        /** Runs of calls to one dialled number; each call is held against its own row, the run's highest wins. */
        private List<CallPattern> sequentialCalls() {
            List<CallPattern> facts = new ArrayList<>();
            int runStart = firstOfDay;
            for (int i = firstOfDay; i <= calls.size(); i++) {
                if (i < calls.size() && calls.get(i).dialledDigits().equals(calls.get(runStart).dialledDigits())) {
                    continue;
                }
                sequentialRun(runStart, i).ifPresent(facts::add);
                runStart = i;
            }
            return facts;
        }

        private Optional<CallPattern> sequentialRun(int from, int to) {
            Threshold highestRow = null;
            Severity highest = null;
            int highestAt = -1;
            boolean holdsNew = false;
            for (int i = from; i < to; i++) {
                holdsNew |= isNew[i];
                Threshold row = rowOf(Check.SEQUENTIAL_CALLS, i);
                Severity reached = row == null ? null : row.severityOf(i - from + 1L).orElse(null);
                if (reached != null && (highest == null || reached.compareTo(highest) >= 0)) {
                    highest = reached;
                    highestRow = row;
                    highestAt = i;
                }
            }
            if (highest == null || !holdsNew) {
                return Optional.empty();
            }
            PatternCall first = calls.get(from);
            return Optional.of(fact(Check.SEQUENTIAL_CALLS, highestRow, highest, highestAt - from + 1L,
                    "calls in a row to one number", from, highestAt, first.dialledDigits(), "run:" + first.callId()));
        }

        private List<CallPattern> longCalls() {
            List<CallPattern> facts = new ArrayList<>();
            for (int i = firstOfDay; i < calls.size(); i++) {
                if (!isNew[i]) {
                    continue;
                }
                Threshold row = rowOf(Check.LONG_CALL, i);
                long minutes = calls.get(i).durationS() / 60;
                Severity reached = row == null ? null : row.severityOf(minutes).orElse(null);
                if (reached != null) {
                    PatternCall call = calls.get(i);
                    facts.add(fact(Check.LONG_CALL, row, reached, minutes, "call " + call.callId(), i, i,
                            call.dialledDigits(), "call:" + call.callId()));
                }
            }
            return facts;
        }

        private List<CallPattern> dailyCalls() {
            List<CallPattern> facts = new ArrayList<>();
            forEachRow(Check.DAILY_CALLS, firstOfDay, (row, group) -> {
                Severity reached = row.severityOf(group.size()).orElse(null);
                if (reached != null && group.stream().anyMatch(i -> isNew[i])) {
                    facts.add(fact(Check.DAILY_CALLS, row, reached, group.size(), numberDay.day().toString(),
                            group.get(0), group.get(group.size() - 1), "", "day:" + numberDay.day() + ":" + scope(row)));
                }
            });
            return facts;
        }

        private CallPattern fact(Check check, Threshold row, Severity severity, long count, String window,
                int firstCall, int lastCall, String dialled, String identity) {
            return new CallPattern(check.name(), numberDay.number(), severity.name(), count, row.warning(),
                    row.critical(), profile, row.prefix(), window, localStarts.get(firstCall).toOffsetDateTime().toString(),
                    localStarts.get(lastCall).toOffsetDateTime().toString(), dialled, identity);
        }

        /**
         * The windows of one row whose count reached a threshold, joined into bursts: a window
         * that shares a call with the one before it continues its burst. A burst is named by its
         * first call and given once, with its highest count and severity, if it holds a new call.
         */
        private final class Bursts {

            private final Check check;
            private final Threshold row;
            private final List<Integer> group;
            private final String window;
            private final List<CallPattern> reached = new ArrayList<>();
            private int first = -1;
            private int lastReached = -1;
            private int highestAt;
            private long highestCount;
            private Severity highest;

            Bursts(Check check, Threshold row, List<Integer> group, String window) {
                this.check = check;
                this.row = row;
                this.group = group;
                this.window = window;
            }

            /**
             * The window of the {@code k}-th call of the group, from its {@code lo}-th call: {@code count}
             * calls. One row's severity only grows with the count, so the highest count is the highest severity.
             */
            void count(int k, int lo, long count) {
                Severity severity = row.severityOf(count).orElse(null);
                if (severity == null) {
                    return;
                }
                if (first < 0 || lo > lastReached) {
                    close();
                    first = lo;
                    highestCount = 0;
                }
                lastReached = k;
                if (count > highestCount) {
                    highest = severity;
                    highestCount = count;
                    highestAt = k;
                }
            }

            List<CallPattern> reached() {
                close();
                return reached;
            }

            private void close() {
                if (first < 0 || highest == null) {
                    return;
                }
                boolean holdsNew = false;
                for (int k = first; k <= lastReached; k++) {
                    holdsNew |= isNew[group.get(k)];
                }
                if (holdsNew) {
                    reached.add(fact(check, row, highest, highestCount, window, group.get(first), group.get(highestAt),
                            "", "burst:" + scope(row) + ":" + calls.get(group.get(first)).callId()));
                }
                highest = null;
            }
        }
    }

    private static String seconds(Duration window) {
        return window.toSeconds() + "s";
    }

    /** What a row covers, in an alert key: its prefix, days and hours. */
    static String scope(Threshold row) {
        StringBuilder scope = new StringBuilder(row.prefix().isEmpty() ? "any" : row.prefix());
        if (!row.days().isEveryDay()) {
            scope.append('/').append(row.days().days().stream().sorted().map(DayOfWeek::name)
                    .map(name -> name.substring(0, 3)).collect(Collectors.joining(",")));
        }
        if (!row.hours().isAllDay()) {
            scope.append('/').append("%02d-%02d".formatted(row.hours().from(), row.hours().to()));
        }
        return scope.toString();
    }
}
