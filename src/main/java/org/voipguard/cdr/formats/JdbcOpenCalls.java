package org.voipguard.cdr.formats;

import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.db.SqlDialect;

/**
 * The open Kamailio calls in table {@code cdr_open_call}. Called from the import step's
 * processor, so every change is made in the transaction of the chunk being read: a chunk that
 * is rolled back leaves the table as it was, and the restarted import reads its lines again.
 */
@Repository
public class JdbcOpenCalls {

    private final JdbcTemplate jdbc;
    private final String insertIfAbsent;

    public JdbcOpenCalls(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.insertIfAbsent = dialect.insertIfAbsent("cdr_open_call",
                List.of("call_id", "number", "called", "start_time", "import_id"), List.of("call_id"));
    }

    /** The open calls, new ones kept for this import. */
    public OpenCalls forImport(long importId) {
        return new OpenCalls() {
            @Override
            public void open(Leg leg) {
                jdbc.update(insertIfAbsent, leg.callId(), leg.number(), leg.called(),
                        Timestamp.from(leg.start().toInstant()), importId);
            }

            @Override
            public Optional<Leg> close(String callId) {
                Optional<Leg> leg = find(callId);
                leg.ifPresent(l -> jdbc.update("DELETE FROM cdr_open_call WHERE call_id = ?", callId));
                return leg;
            }

            @Override
            public boolean stored(String callId) {
                return isStored(callId);
            }
        };
    }

    /** Reads only: for a dry run, which keeps its changes in memory. */
    public OpenCalls readOnly() {
        return OpenCalls.inMemory(this::find, this::isStored);
    }

    private Optional<OpenCalls.Leg> find(String callId) {
        return jdbc.query("SELECT call_id, number, called, start_time FROM cdr_open_call WHERE call_id = ?",
                (rs, row) -> new OpenCalls.Leg(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant().atOffset(ZoneOffset.UTC)), callId).stream().findFirst();
    }

    private boolean isStored(String callId) {
        return !jdbc.queryForList("SELECT 1 FROM cdr WHERE call_id = ?", Integer.class, callId).isEmpty();
    }
}
