package org.voipguard.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.db.InListBatches;
import org.voipguard.db.NewRows;

/** Stored registration events; an event seen before (same key) is stored once. */
@Repository
public class RegistrationEventStore {

    private static final NewRows.Table REGISTRATION_EVENT = new NewRows.Table("registration_event",
            List.of("event_key", "event_time", "number", "source_ip", "source_port", "transport", "user_agent",
                    "auth_result", "expires_s", "import_id"),
            List.of("event_key"));

    private final JdbcTemplate jdbc;
    private final NewRows newRows;

    public RegistrationEventStore(JdbcTemplate jdbc, NewRows newRows) {
        this.jdbc = jdbc;
        this.newRows = newRows;
    }

    /**
     * Drops the events before {@code before} that were evaluated, and their outcomes; returns
     * how many events. Outcomes left by events dropped in an earlier pass that stopped half way,
     * or by hand, go as well.
     */
    public int dropEvaluatedBefore(Instant before) {
        int dropped = jdbc.update("DELETE FROM registration_event WHERE event_time < ?"
                + " AND EXISTS (SELECT 1 FROM registration_outcome o WHERE o.event_id = registration_event.id)",
                Timestamp.from(before));
        jdbc.update("DELETE FROM registration_outcome WHERE NOT EXISTS"
                + " (SELECT 1 FROM registration_event e WHERE e.id = registration_outcome.event_id)");
        return dropped;
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
        boolean[] inserted = newRows.insert(REGISTRATION_EVENT, events.stream().map(e -> row(e, importId)).toList());
        int count = 0;
        for (boolean isNew : inserted) {
            count += isNew ? 1 : 0;
        }
        return count;
    }

    private static Object[] row(NewEvent event, long importId) {
        RegistrationRecord r = event.record();
        return new Object[] {event.eventKey(), r.time(), r.number(), r.sourceIp(), r.sourcePort(), r.transport(),
            r.userAgent(), r.authResult().name(), r.expiresS(), importId};
    }
}
