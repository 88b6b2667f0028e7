package org.voipguard.registration;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.db.InListBatches;
import org.voipguard.db.SqlDialect;

/** Stored registration events; an event seen before (same key) is stored once. */
@Repository
public class RegistrationEventStore {

    private final JdbcTemplate jdbc;
    private final String insertIfNew;

    public RegistrationEventStore(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.insertIfNew = dialect.insertIfAbsent("registration_event", List.of("event_key", "event_time", "number",
                "source_ip", "source_port", "transport", "user_agent", "auth_result", "expires_s", "import_id"),
                List.of("event_key"));
    }

    /** Drops the events before {@code before} that were evaluated; returns how many. */
    public int dropEvaluatedBefore(Instant before) {
        return jdbc.update("DELETE FROM registration_event WHERE event_time < ?"
                + " AND EXISTS (SELECT 1 FROM registration_outcome o WHERE o.event_id = registration_event.id)",
                Timestamp.from(before));
    }

    /** Which of these event keys are stored already. */
    Set<String> storedKeys(Collection<String> eventKeys) {
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        Set<String> stored = new HashSet<>();
        InListBatches.of(eventKeys).forEach(keys -> stored.addAll(named.queryForList(
                "SELECT event_key FROM registration_event WHERE event_key IN (:keys)", Map.of("keys", keys),
                String.class)));
        return stored;
    }

    /** An event to store: its record and its key. */
    record NewEvent(RegistrationRecord record, String eventKey) {
    }

    /** Stores the events not seen before; returns how many those were. */
    int insertNew(List<NewEvent> events, long importId) {
        if (events.isEmpty()) {
            return 0;
        }
        int[] inserted = jdbc.batchUpdate(insertIfNew, events, events.size(), (ps, e) -> {
                    RegistrationRecord r = e.record();
                    ps.setString(1, e.eventKey());
                    ps.setTimestamp(2, Timestamp.from(r.time()));
                    ps.setString(3, r.number());
                    ps.setString(4, r.sourceIp());
                    ps.setObject(5, r.sourcePort(), Types.INTEGER);
                    ps.setString(6, r.transport());
                    ps.setString(7, r.userAgent());
                    ps.setString(8, r.authResult().name());
                    ps.setObject(9, r.expiresS(), Types.INTEGER);
                    ps.setLong(10, importId);
                })[0];
        return (int) Arrays.stream(inserted).filter(count -> count != 0).count();
    }
}
