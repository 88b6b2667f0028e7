package org.voipguard.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.voipguard.db.SqlDialect;
import org.voipguard.rules.AlertSink;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.text.Sha256;

/**
 * Keeps every alert the rules raise (table {@code alert}). An alert's key is the same each
 * time the same event is seen, so storing the alerts of a re-run adds nothing.
 */
@Repository
public class AlertStore implements AlertSink {

    static final int MAX_KEY_LENGTH = 300;
    static final int MAX_RULE_NAME_LENGTH = 300;
    static final int MAX_FACTS_LENGTH = 8000;
    private static final int LONGEST_STORED_FACT = 1000;

    private static final List<String> INSERT_COLUMNS = List.of("alert_key", "alert_type", "number", "rule_name",
            "ruleset_version", "facts", "created_at", "import_id", "address");
    private static final int[] INSERT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT, Types.VARCHAR};

    private static final String SELECT_RECENT = "SELECT a.id, a.alert_key, a.alert_type, a.number, a.rule_name,"
            + " a.ruleset_version, a.facts, a.created_at, a.import_id, c.email_id, e.status AS email_status"
            + " FROM alert a LEFT JOIN alert_email c ON c.alert_id = a.id LEFT JOIN email_outbox e ON e.id = c.email_id"
            + " WHERE a.number = ? ORDER BY a.created_at DESC, a.id DESC LIMIT ?";

    private final JdbcTemplate jdbc;
    /** Inserts unless the key is already stored. */
    private final String insertNew;

    public AlertStore(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.insertNew = dialect.insertIfAbsent("alert", INSERT_COLUMNS, List.of("alert_key"));
    }

    /** Stores the alerts of an import whose key is not stored yet, in one transaction. */
    @Transactional
    @Override
    public void accept(List<RaisedAlert> alerts, long importId) {
        store(alerts, importId);
    }

    /**
     * Stores the alerts whose key is not stored yet and returns how many were new. A key
     * longer than the column is shortened to a prefix and its SHA-256, the same every time.
     *
     * @param importId the import that raised them; {@code null} outside an import
     */
    public int store(List<RaisedAlert> alerts, Long importId) {
        if (alerts.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, RaisedAlert> byKey = new LinkedHashMap<>();
        for (RaisedAlert alert : alerts) {
            byKey.putIfAbsent(storedKey(alert.key()), alert);
        }
        List<Object[]> rows = new ArrayList<>(byKey.size());
        byKey.forEach((key, alert) -> rows.add(new Object[] {key, alert.type(), alert.number(),
            cut(alert.ruleName(), MAX_RULE_NAME_LENGTH), alert.ruleSetVersion(), storedFacts(alert.facts()),
            now, importId, alert.address()}));
        int added = 0;
        for (int count : jdbc.batchUpdate(insertNew, rows, INSERT_TYPES)) {
            added += Math.max(count, 0);
        }
        return added;
    }

    /** The latest alerts of a number, newest first. */
    public List<StoredAlert> recent(String number, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.query(SELECT_RECENT, AlertStore::storedAlert, number, limit);
    }

    /** What a retention pass removed. */
    public record Dropped(int alerts, int emails) {
    }

    /**
     * Drops the alerts and emails created before {@code before} that are done with: alerts
     * composed and not waiting for their email, emails sent or refused for good that no alert
     * points to any more. The links of the alerts dropped go with them, those of alerts dropped
     * by hand as well.
     */
    public Dropped dropDoneBefore(Instant before) {
        Timestamp cutOff = Timestamp.from(before);
        int alerts = jdbc.update("DELETE FROM alert WHERE created_at < ?"
                + " AND EXISTS (SELECT 1 FROM alert_email c WHERE c.alert_id = alert.id)"
                + " AND NOT EXISTS (SELECT 1 FROM alert_email c JOIN email_outbox e ON e.id = c.email_id"
                + " WHERE c.alert_id = alert.id AND e.status NOT IN ('SENT', 'FAILED'))", cutOff);
        jdbc.update("DELETE FROM alert_email WHERE NOT EXISTS"
                + " (SELECT 1 FROM alert WHERE alert.id = alert_email.alert_id)");
        int emails = jdbc.update("DELETE FROM email_outbox WHERE status IN ('SENT', 'FAILED') AND created_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM alert_email c WHERE c.email_id = email_outbox.id)", cutOff);
        return new Dropped(alerts, emails);
    }

    /** How many alerts about an address (no number: they go to the operators) were stored from {@code since} on. */
    public long countAboutAddressesSince(Instant since) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM alert WHERE created_at >= ? AND number IS NULL"
                + " AND address IS NOT NULL", Long.class, Timestamp.from(since));
        return count == null ? 0 : count;
    }

    /** How many alerts an import stored. */
    public long countOf(long importId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM alert WHERE import_id = ?", Long.class, importId);
        return count == null ? 0 : count;
    }

    /** How many alerts are stored of each type, by type. */
    public Map<String, Long> countsByType() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT alert_type, COUNT(*) FROM alert GROUP BY alert_type",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    static String storedKey(String key) {
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        String digest = Sha256.hex(key);
        return key.substring(0, MAX_KEY_LENGTH - digest.length() - 1) + "#" + digest;
    }

    /** The facts as JSON within the column: long values are shortened until it fits. */
    static String storedFacts(Map<String, String> facts) {
        int longest = LONGEST_STORED_FACT;
        String encoded = AlertFacts.encode(shortened(facts, longest));
        while (encoded.length() > MAX_FACTS_LENGTH && longest > 10) {
            longest /= 2;
            encoded = AlertFacts.encode(shortened(facts, longest));
        }
        if (encoded.length() > MAX_FACTS_LENGTH) {
            throw new IllegalArgumentException("too many alert facts to store: " + facts.keySet());
        }
        return encoded;
    }

    private static Map<String, String> shortened(Map<String, String> facts, int longest) {
        Map<String, String> result = new LinkedHashMap<>();
        if (facts != null) {
            facts.forEach((key, value) -> result.put(key, cut(value, longest)));
        }
        return result;
    }

    private static String cut(String value, int maxLength) {
        if (value == null || value.length() <= maxLength) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return value.substring(0, end);
    }

    private static StoredAlert storedAlert(ResultSet rs, int row) throws SQLException {
        OffsetDateTime createdAt = rs.getObject("created_at", OffsetDateTime.class);
        Instant created = createdAt == null ? null : createdAt.toInstant();
        return new StoredAlert(rs.getLong("id"), rs.getString("alert_key"), rs.getString("alert_type"),
                rs.getString("number"), rs.getString("rule_name"), rs.getString("ruleset_version"),
                AlertFacts.decode(rs.getString("facts")), created, nullableLong(rs, "import_id"),
                nullableLong(rs, "email_id"), rs.getString("email_status"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
