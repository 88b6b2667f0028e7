package org.voipguard.cdr;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.db.SqlDialect;

/** The stored CDRs. A call id is stored once: the same call imported twice counts once. */
@Repository
public class CallStore {

    private final JdbcTemplate jdbc;
    private final String insertIfNew;

    public CallStore(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.insertIfNew = dialect.insertIfAbsent("cdr", List.of("call_id", "number", "direction", "start_time",
                "billing_month", "duration_s", "called", "call_class", "price_ppm", "cost_gbp", "status", "late_charge",
                "job_execution_id"), List.of("call_id"));
    }

    /** Inserts the calls not seen before and returns exactly those. */
    List<StoredCall> insertNew(List<StoredCall> calls, long importId) {
        if (calls.isEmpty()) {
            return List.of();
        }
        int[] inserted = jdbc.batchUpdate(insertIfNew, calls, calls.size(), (ps, stored) -> {
                    CdrRecord r = stored.call().record();
                    var priced = stored.call().priced();
                    ps.setString(1, r.callId());
                    ps.setString(2, r.number());
                    ps.setString(3, r.direction().name());
                    ps.setTimestamp(4, Timestamp.from(r.startTime().toInstant()));
                    ps.setString(5, stored.billingMonth());
                    ps.setInt(6, r.durationS());
                    ps.setString(7, r.called());
                    ps.setString(8, priced == null ? "INCOMING" : priced.callClass().name());
                    ps.setBigDecimal(9, priced == null ? r.ratePpm() : priced.pricePpm());
                    ps.setBigDecimal(10, stored.call().costGbp());
                    ps.setInt(11, r.status());
                    ps.setBoolean(12, stored.lateCharge());
                    ps.setLong(13, importId);
                })[0];
        List<StoredCall> fresh = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (inserted[i] != 0) {
                fresh.add(calls.get(i));
            }
        }
        return fresh;
    }
}
