package org.voipguard.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.db.InListBatches;
import org.voipguard.registration.AbuseEvaluator.WindowKey;
import org.voipguard.thresholds.Check;
import org.voipguard.thresholds.Severity;
import org.voipguard.thresholds.Thresholds;

/**
 * The registration-abuse windows in the database (table {@code abuse_window}), one row per
 * check and subject that has counted something lately: loaded for the subjects of a chunk and
 * written back in the chunk's transaction, so a restarted import counts on from the last chunk
 * it committed, and a later file continues the windows of an earlier one. A window not loaded
 * from a row is inserted, one loaded is updated: only one run writes at a time (the run lock).
 */
@Repository
public class AbuseWindowStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public AbuseWindowStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** One window for each key: as stored, or empty. */
    Map<WindowKey, AbuseWindow> load(Collection<WindowKey> keys) {
        Map<Check, List<String>> byCheck = new LinkedHashMap<>();
        keys.forEach(key -> byCheck.computeIfAbsent(key.check(), c -> new ArrayList<>()).add(key.subject()));
        Map<WindowKey, AbuseWindow> windows = new HashMap<>();
        byCheck.forEach((check, subjects) -> {
            for (List<String> batch : InListBatches.of(subjects)) {
                var parameters = new MapSqlParameterSource("check", check.name()).addValue("subjects", batch);
                named.query("SELECT subject, recent, quiet_until, quiet_severity FROM abuse_window"
                        + " WHERE check_name = :check AND subject IN (:subjects)", parameters, rs -> {
                            Timestamp quiet = rs.getTimestamp(3);
                            String severity = rs.getString(4);
                            AbuseWindow window = new AbuseWindow(entries(rs.getString(2)),
                                    quiet == null ? null : quiet.toInstant(),
                                    severity == null ? null : Severity.valueOf(severity));
                            window.saved();
                            windows.put(new WindowKey(check, rs.getString(1)), window);
                        });
            }
        });
        keys.forEach(key -> windows.computeIfAbsent(key, k -> AbuseWindow.empty()));
        return windows;
    }

    /** Writes the windows that changed since they were loaded or last saved. */
    void save(Map<WindowKey, AbuseWindow> windows, Thresholds thresholds) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        windows.forEach((key, window) -> {
            if (window.isChanged()) {
                var threshold = thresholds.forCheck(key.check());
                Instant useless = window.uselessAfter(threshold.map(t -> t.window()).orElse(java.time.Duration.ZERO));
                Object[] values = {text(window.entries()), timestamp(window.quietUntil()),
                    window.quietSeverity() == null ? null : window.quietSeverity().name(), Timestamp.from(useless)};
                if (window.isStored()) {
                    updates.add(new Object[] {values[0], values[1], values[2], values[3], key.check().name(),
                        key.subject()});
                } else {
                    inserts.add(new Object[] {key.check().name(), key.subject(), values[0], values[1], values[2],
                        values[3]});
                }
                window.saved();
            }
        });
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE abuse_window SET recent = ?, quiet_until = ?, quiet_severity = ?,"
                    + " useless_after = ? WHERE check_name = ? AND subject = ?", updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO abuse_window (check_name, subject, recent, quiet_until, quiet_severity,"
                    + " useless_after) VALUES (?, ?, ?, ?, ?, ?)", inserts);
        }
    }

    /** Drops the windows that are empty and out of their quiet period at {@code now}; returns how many. */
    public int dropUselessBefore(Instant now) {
        return jdbc.update("DELETE FROM abuse_window WHERE useless_after < ?", Timestamp.from(now));
    }

    /** The subjects that have a window of this check, for tests and the tools. */
    Set<String> subjectsOf(Check check) {
        return Set.copyOf(jdbc.queryForList("SELECT subject FROM abuse_window WHERE check_name = ?", String.class,
                check.name()));
    }

    private static Timestamp timestamp(Instant time) {
        return time == null ? null : Timestamp.from(time);
    }

    private static String text(List<AbuseWindow.Entry> entries) {
        StringBuilder text = new StringBuilder();
        entries.forEach(e -> text.append(e.time().toEpochMilli()).append('\t').append(e.tried()).append('\n'));
        return text.toString();
    }

    private static List<AbuseWindow.Entry> entries(String text) {
        List<AbuseWindow.Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                entries.add(new AbuseWindow.Entry(Instant.ofEpochMilli(Long.parseLong(line.substring(0, tab))),
                        line.substring(tab + 1)));
            }
        }
        return entries;
    }
}
