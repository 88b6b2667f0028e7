package org.voipguard.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.voipguard.thresholds.Severity;

/**
 * The counting window of one registration-abuse check for one subject (an address or a number):
 * the events still inside the window, oldest first, each with what was tried (the number, or the
 * address a number was tried from), and the quiet period after the subject's last alert. It
 * holds at most as many events as the check's highest threshold: the count is exact up to it,
 * which is all a threshold needs, so a flood from one address costs no more than a trickle.
 */
final class AbuseWindow {

    /** One counted event: when, and what was tried. */
    record Entry(Instant time, String tried) {
    }

    private final List<Entry> entries;
    private Instant quietUntil;
    private Severity quietSeverity;
    private boolean changed;
    /** True once the window has a row in the database: saving it is an update, else an insert. */
    private boolean stored;

    AbuseWindow(List<Entry> entries, Instant quietUntil, Severity quietSeverity) {
        this.entries = new ArrayList<>(entries);
        this.quietUntil = quietUntil;
        this.quietSeverity = quietSeverity;
    }

    /** A copy to go back to: the same events, quiet period and changed mark. */
    AbuseWindow copy() {
        AbuseWindow copy = new AbuseWindow(entries, quietUntil, quietSeverity);
        copy.changed = changed;
        copy.stored = stored;
        return copy;
    }

    static AbuseWindow empty() {
        return new AbuseWindow(List.of(), null, null);
    }

    /**
     * Counts an event and returns how many are within the window ending at it: the events less
     * than {@code window} before it, itself included; a zero window counts the event alone.
     */
    long add(Instant time, String tried, Duration window, long capacity) {
        changed = true;
        if (window.isZero()) {
            entries.clear();
            entries.add(new Entry(time, tried));
            return 1;
        }
        int at = entries.size();
        while (at > 0 && entries.get(at - 1).time().isAfter(time)) {
            at--;
        }
        entries.add(at, new Entry(time, tried));
        Instant newest = entries.get(entries.size() - 1).time();
        entries.removeIf(entry -> !entry.time().isAfter(newest.minus(window)));
        while (entries.size() > capacity) {
            entries.remove(0);
        }
        Instant from = time.minus(window);
        return entries.stream().filter(e -> e.time().isAfter(from) && !e.time().isAfter(time)).count();
    }

    /** The first event counted in the window ending at {@code time}. */
    Instant firstWithin(Instant time, Duration window) {
        Instant from = time.minus(window);
        return entries.stream().map(Entry::time).filter(t -> (window.isZero() || t.isAfter(from)) && !t.isAfter(time))
                .findFirst().orElse(time);
    }

    /** What was tried in the window ending at {@code time}, each once, in the order first tried. */
    List<String> triedWithin(Instant time, Duration window) {
        Instant from = time.minus(window);
        Set<String> tried = new LinkedHashSet<>();
        entries.stream().filter(e -> (window.isZero() || e.time().isAfter(from)) && !e.time().isAfter(time))
                .forEach(e -> tried.add(e.tried()));
        return List.copyOf(tried);
    }

    /** True when an alert of this severity at this time falls in the quiet period of an alert as severe or more. */
    boolean isQuietFor(Severity severity, Instant time) {
        return quietUntil != null && time.isBefore(quietUntil) && severity.compareTo(quietSeverity) <= 0;
    }

    /** An alert was raised at {@code time}: nothing as severe or less is raised for {@code quiet} after it. */
    void alerted(Severity severity, Instant time, Duration quiet) {
        changed = true;
        quietUntil = time.plus(quiet);
        quietSeverity = severity;
    }

    /** When the window is empty and the quiet period over, at the latest: the row may go then. */
    Instant uselessAfter(Duration window) {
        Instant last = entries.isEmpty() ? Instant.EPOCH : entries.get(entries.size() - 1).time().plus(window);
        return quietUntil != null && quietUntil.isAfter(last) ? quietUntil : last;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    Instant quietUntil() {
        return quietUntil;
    }

    Severity quietSeverity() {
        return quietSeverity;
    }

    boolean isChanged() {
        return changed;
    }

    void saved() {
        changed = false;
        stored = true;
    }

    boolean isStored() {
        return stored;
    }
}
