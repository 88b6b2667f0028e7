package org.voipguard.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.db.InListBatches;
import org.voipguard.db.NewRows;

/**
 * Per-number registration state in the database: known addresses and User-Agents, lockdown
 * warnings and the outcome of each event. Loaded and saved once per chunk.
 */
@Repository
public class RegistrationStateStore {

    private static final NewRows.Table KNOWN_IP = new NewRows.Table("known_ip",
            List.of("number", "source_ip", "first_seen", "import_id"), List.of("number", "source_ip"));
    private static final NewRows.Table KNOWN_USER_AGENT = new NewRows.Table("known_user_agent",
            List.of("number", "agent_hash", "user_agent", "first_seen", "import_id"), List.of("number", "agent_hash"));
    private static final NewRows.Table OUTCOME = new NewRows.Table("registration_outcome",
            List.of("event_id", "outcome"), List.of("event_id"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final NewRows newRows;

    public RegistrationStateStore(JdbcTemplate jdbc, NewRows newRows) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.newRows = newRows;
    }

    Map<String, NumberRegistrationState> load(Collection<String> numbers) {
        Map<String, Set<String>> ips = new HashMap<>();
        Map<String, Set<String>> agents = new HashMap<>();
        Map<String, Map<String, Instant>> warnings = new HashMap<>();
        for (List<String> batch : InListBatches.of(numbers)) {
            var parameters = new MapSqlParameterSource("numbers", batch);
            named.query("SELECT number, source_ip FROM known_ip WHERE number IN (:numbers)", parameters,
                    rs -> { ips.computeIfAbsent(rs.getString(1), n -> new HashSet<>()).add(rs.getString(2)); });
            named.query("SELECT number, agent_hash FROM known_user_agent WHERE number IN (:numbers)", parameters,
                    rs -> { agents.computeIfAbsent(rs.getString(1), n -> new HashSet<>()).add(rs.getString(2)); });
            named.query("SELECT number, source_ip, last_alert_at FROM lockdown_notice WHERE number IN (:numbers)",
                    parameters, rs -> {
                        warnings.computeIfAbsent(rs.getString(1), n -> new HashMap<>())
                                .put(rs.getString(2), rs.getTimestamp(3).toInstant());
                    });
        }
        Map<String, NumberRegistrationState> states = new HashMap<>();
        for (String number : numbers) {
            states.put(number, new NumberRegistrationState(ips.getOrDefault(number, Set.of()),
                    agents.getOrDefault(number, Set.of()), warnings.getOrDefault(number, Map.of())));
        }
        return states;
    }

    /**
     * Writes what changed in the states since they were loaded or last saved, as learned by the
     * import. The addresses and agents are new to their number (the state was loaded with all its
     * known ones), so they are appended.
     */
    void save(Map<String, NumberRegistrationState> states, Instant now, long importId) {
        List<Object[]> ips = new ArrayList<>();
        List<Object[]> agents = new ArrayList<>();
        List<Object[]> warnings = new ArrayList<>();
        states.forEach((number, state) -> {
            state.newIps().forEach(ip -> ips.add(new Object[] {number, ip, now, importId}));
            state.newAgents().forEach((hash, agent) -> agents.add(new Object[] {number, hash, agent, now, importId}));
            state.newLockdownWarnings().forEach((ip, at) -> warnings.add(new Object[] {Timestamp.from(at), number, ip}));
            state.saved();
        });
        newRows.append(KNOWN_IP, ips);
        newRows.append(KNOWN_USER_AGENT, agents);
        int[] updated = batch("UPDATE lockdown_notice SET last_alert_at = ? WHERE number = ? AND source_ip = ?", warnings);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                Object[] w = warnings.get(i);
                missing.add(new Object[] {w[1], w[2], w[0]});
            }
        }
        batch("INSERT INTO lockdown_notice (number, source_ip, last_alert_at) VALUES (?, ?, ?)", missing);
    }

    /** What the import of the file with this content learned; nothing when it has not completed. */
    Learned learnedByImportOf(String kind, String sha256) {
        List<Long> imports = jdbc.queryForList("SELECT import_id FROM imported_file WHERE kind = ? AND sha256 = ?",
                Long.class, kind, sha256);
        return imports.isEmpty() ? Learned.NOTHING : learnedBy(imports.get(0));
    }

    /** What an import learned: the numbers with a new address or User-Agent, and how many of each. */
    Learned learnedBy(long importId) {
        long addresses = jdbc.queryForObject("SELECT COUNT(*) FROM known_ip WHERE import_id = ?", Long.class, importId);
        long agents = jdbc.queryForObject("SELECT COUNT(*) FROM known_user_agent WHERE import_id = ?", Long.class,
                importId);
        long numbers = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT number FROM known_ip WHERE import_id = ?"
                + " UNION SELECT number FROM known_user_agent WHERE import_id = ?) learned", Long.class, importId, importId);
        return new Learned(numbers, addresses, agents);
    }

    /** In the order of the events' ids, which is about the order the outcome table grows in. */
    void recordOutcomes(Map<Long, RegistrationOutcome> outcomes) {
        List<Object[]> rows = new ArrayList<>();
        new TreeMap<>(outcomes).forEach((id, outcome) -> rows.add(new Object[] {id, outcome.name()}));
        newRows.append(OUTCOME, rows);
    }

    private int[] batch(String sql, List<Object[]> rows) {
        return rows.isEmpty() ? new int[0] : jdbc.batchUpdate(sql, rows);
    }
}
