package org.voipguard.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A registration event as stored by the load step, waiting to be evaluated. */
public record StoredRegistration(
        long id,
        String eventKey,
        Instant time,
        String number,
        String sourceIp,
        Integer sourcePort,
        String transport,
        String userAgent,
        AuthResult authResult,
        Integer expiresS) {

    /** The columns of registration_event {@link #fromRow} reads, in its order. */
    static final String COLUMNS = "id, event_key, event_time, number, source_ip, source_port, transport, user_agent, "
            + "auth_result, expires_s";

    static StoredRegistration fromRow(ResultSet rs, int row) throws SQLException {
        return new StoredRegistration(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                rs.getString(5), rs.getObject(6, Integer.class), rs.getString(7), rs.getString(8),
                AuthResult.valueOf(rs.getString(9)), rs.getObject(10, Integer.class));
    }
}
