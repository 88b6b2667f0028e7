package org.voipguard.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the control page reads of the alerts and their emails: lists, counts and counts per day. */
@Repository
public class AlertQueries {

    /** The fact in which a rule may give an alert's severity, e.g. {@code WARNING} or {@code CRITICAL}. */
    public static final String SEVERITY_FACT = "severity";

    private static final String LISTED = "SELECT a.id, a.alert_type, a.number, a.rule_name, a.ruleset_version, a.facts,"
            + " a.created_at, c.composed_at, e.id AS email_id, e.status, e.recipients, e.subject, e.sent_at, e.failure_reason, b.body"
            + " FROM alert a LEFT JOIN alert_email c ON c.alert_id = a.id LEFT JOIN email_outbox e ON e.id = c.email_id"
            + " LEFT JOIN email_body b ON b.email_id = e.id";

    private final JdbcTemplate jdbc;

    public AlertQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A type and severity ({@code ""} when the rule gave none) with its count. */
    public record TypeCount(String type, String severity, long count) {
    }

    /** A number with its count of alerts. */
    public record NumberCount(String number, long count) {
    }

    /** The alerts the filter matches, newest first, at most {@code limit}. */
    public List<ListedAlert> list(AlertFilter filter, int limit) {
        StringBuilder sql = new StringBuilder(LISTED).append(" WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (filter.type() != null) {
            sql.append(" AND a.alert_type = ?");
            arguments.add(filter.type());
        }
        if (filter.number() != null) {
            sql.append(" AND a.number = ?");
            arguments.add(filter.number());
        }
        if (filter.from() != null) {
            sql.append(" AND a.created_at >= ?");
            arguments.add(Timestamp.from(filter.from()));
        }
        if (filter.until() != null) {
            sql.append(" AND a.created_at < ?");
            arguments.add(Timestamp.from(filter.until()));
        }
        sql.append(" ORDER BY a.created_at DESC, a.id DESC FETCH FIRST ").append(Math.max(limit, 0)).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), AlertQueries::listed, arguments.toArray());
    }

    /** The alerts created since {@code since}, counted by type and severity, the most frequent first. */
    public List<TypeCount> countsByTypeAndSeverity(Instant since) {
        Map<TypeCount, Long> counts = new HashMap<>();
        jdbc.query("SELECT alert_type, facts FROM alert WHERE created_at >= ?", rs -> {
            String severity = AlertFacts.decode(rs.getString(2)).getOrDefault(SEVERITY_FACT, "");
            counts.merge(new TypeCount(rs.getString(1), severity, 0), 1L, Long::sum);
        }, Timestamp.from(since));
        return counts.entrySet().stream()
                .map(e -> new TypeCount(e.getKey().type(), e.getKey().severity(), e.getValue()))
                .sorted(Comparator.comparingLong(TypeCount::count).reversed().thenComparing(TypeCount::type)
                        .thenComparing(TypeCount::severity))
                .toList();
    }

    /** The numbers with the most alerts since {@code since}, at most {@code limit}. */
    public List<NumberCount> topNumbers(Instant since, int limit) {
        return jdbc.query("SELECT number, COUNT(*) AS alerts FROM alert WHERE created_at >= ? GROUP BY number"
                + " ORDER BY alerts DESC, number FETCH FIRST " + Math.max(limit, 0) + " ROWS ONLY",
                (rs, row) -> new NumberCount(rs.getString(1), rs.getLong(2)), Timestamp.from(since));
    }

    /** Alerts per day (in {@code zone}) and type, from {@code since} on; days without alerts are absent. */
    public SortedMap<LocalDate, Map<String, Long>> perDayByType(Instant since, ZoneId zone) {
        SortedMap<LocalDate, Map<String, Long>> days = new TreeMap<>();
        jdbc.query("SELECT alert_type, created_at FROM alert WHERE created_at >= ?", rs -> {
            LocalDate day = rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
            days.computeIfAbsent(day, d -> new TreeMap<>()).merge(rs.getString(1), 1L, Long::sum);
        }, Timestamp.from(since));
        return days;
    }

    /** Every alert type stored, by name. */
    public List<String> types() {
        return jdbc.queryForList("SELECT DISTINCT alert_type FROM alert ORDER BY alert_type", String.class);
    }

    private static ListedAlert listed(ResultSet rs, int row) throws SQLException {
        Optional<ListedAlert.Email> email = AlertStore.nullableLong(rs, "email_id") == null ? Optional.empty()
                : Optional.of(new ListedAlert.Email(rs.getString("status"), rs.getString("recipients"),
                        rs.getString("subject"), instant(rs, "sent_at"), rs.getString("failure_reason"),
                        rs.getString("body")));
        return new ListedAlert(rs.getLong("id"), rs.getString("alert_type"), rs.getString("number"),
                rs.getString("rule_name"), rs.getString("ruleset_version"), AlertFacts.decode(rs.getString("facts")),
                instant(rs, "created_at"), rs.getObject("composed_at") != null, email);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
