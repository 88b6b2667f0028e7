package org.voipguard.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.numbers.NumberOverview;

/**
 * Registers, refreshes or (with expiry 0) removes the phones of an import's accepted
 * registrations once they are all evaluated: each binding (number, address, port, transport)
 * ends as its last registration left it. The phones are written in the order of the table's
 * key, so H2 writes each page of registered_phone about once; written a chunk at a time of a
 * time-ordered log they would rewrite pages all over the table at every commit. Writing them
 * again gives the same phones, so a run that died here starts this over.
 */
@Repository
public class RegisteredPhones {

    /** Bindings held in memory at most before they are written, about 350 bytes each: bounds the heap a big import needs. */
    private static final int MAX_HELD = 200_000;
    private static final int FETCH_SIZE = 1000;
    private static final Comparator<Binding> KEY_ORDER = Comparator.comparing(Binding::number)
            .thenComparing(Binding::sourceIp).thenComparingInt(Binding::port).thenComparing(Binding::transport);

    private final JdbcTemplate jdbc;

    public RegisteredPhones(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(FETCH_SIZE);
    }

    /** One phone's registration: the key of registered_phone, with the defaults of logs that lack them. */
    record Binding(String number, String sourceIp, int port, String transport) {
    }

    /** What an accepted registration says of its phone; an expiry of 0 removes it. */
    record Registration(String userAgent, Instant time, int expiresS) {
    }

    void registerFrom(long importId) {
        Map<Binding, Registration> latest = new HashMap<>();
        jdbc.query("SELECT number, source_ip, source_port, transport, user_agent, event_time, expires_s"
                + " FROM registration_event e WHERE import_id = ? AND expires_s IS NOT NULL"
                + " AND EXISTS (SELECT 1 FROM registration_outcome o WHERE o.event_id = e.id AND o.outcome = 'ACCEPTED')"
                + " ORDER BY import_id, event_time, id",
                rs -> {
                    Integer port = rs.getObject(3, Integer.class);
                    String transport = rs.getString(4);
                    latest.put(new Binding(rs.getString(1), rs.getString(2), port == null ? 0 : port,
                            transport == null ? "UDP" : transport),
                            new Registration(rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7)));
                    if (latest.size() >= MAX_HELD) {
                        write(latest);
                        latest.clear();
                    }
                }, importId);
        write(latest);
    }

    private void write(Map<Binding, Registration> latest) {
        List<Object[]> removed = new ArrayList<>();
        List<Object[]> registered = new ArrayList<>();
        latest.entrySet().stream().sorted(Map.Entry.comparingByKey(KEY_ORDER)).forEach(entry -> {
            Binding b = entry.getKey();
            Registration r = entry.getValue();
            if (r.expiresS() == 0) {
                removed.add(new Object[] {b.number(), b.sourceIp(), b.port(), b.transport()});
            } else {
                registered.add(new Object[] {r.userAgent(), Timestamp.from(r.time()),
                        Timestamp.from(r.time().plusSeconds(r.expiresS())), b.number(), b.sourceIp(), b.port(),
                        b.transport()});
            }
        });
        batch("DELETE FROM registered_phone WHERE number = ? AND source_ip = ? AND source_port = ? AND transport = ?",
                removed);
        insertMissing(registered, batch("UPDATE registered_phone SET user_agent = ?, registered_at = ?, expires_at = ?"
                + " WHERE number = ? AND source_ip = ? AND source_port = ? AND transport = ?", registered));
    }

    private void insertMissing(List<Object[]> registered, int[] updated) {
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                Object[] r = registered.get(i);
                missing.add(new Object[] {r[3], r[4], r[5], r[6], r[0], r[1], r[2]});
            }
        }
        batch("INSERT INTO registered_phone (number, source_ip, source_port, transport, user_agent, registered_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)", missing);
    }

    /** A number's phones registered at {@code now}, the earliest registered first. */
    public List<NumberOverview.RegisteredPhone> registeredAt(String number, Instant now) {
        return jdbc.query("SELECT source_ip, source_port, transport, user_agent, registered_at, expires_at"
                + " FROM registered_phone WHERE number = ? AND expires_at > ?"
                + " ORDER BY registered_at, source_ip, source_port, transport",
                (rs, i) -> new NumberOverview.RegisteredPhone(rs.getString("source_ip"), rs.getInt("source_port"),
                        rs.getString("transport"), rs.getString("user_agent"),
                        rs.getObject("registered_at", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class)),
                number, Timestamp.from(now));
    }

    /** Drops registered phones whose registration has expired. */
    public int dropExpired(OffsetDateTime now) {
        return jdbc.update("DELETE FROM registered_phone WHERE expires_at <= ?", Timestamp.from(now.toInstant()));
    }

    private int[] batch(String sql, List<Object[]> rows) {
        return rows.isEmpty() ? new int[0] : jdbc.batchUpdate(sql, rows);
    }
}
