package org.voipguard.notification;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;

/**
 * Turns stored alerts into outbox emails. All {@code RATE_LIMIT_EXCEEDED} alerts of one
 * number and one job execution become one email listing the calls; every other alert is an
 * email of its own. Each alert is composed once ({@code alert.composed_at}), whether or not
 * its number has an address, and an email's Message-ID is derived from its alert keys.
 */
@Service
public class EmailComposer {

    static final String PENDING = "PENDING";
    static final String RATE_LIMIT_EXCEEDED = "RATE_LIMIT_EXCEEDED";
    static final int MAX_BODY_LENGTH = 190_000;

    private static final Logger log = LoggerFactory.getLogger(EmailComposer.class);
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern NOT_TYPE_CHARACTER = Pattern.compile("[^A-Z0-9_]");
    private static final Pattern LEADING_NON_LETTERS = Pattern.compile("^[^A-Z]+");

    /** Locks the alerts it reads, so two composers never compose the same alert twice. */
    private static final String SELECT_UNCOMPOSED = "SELECT id, alert_key, alert_type, number, facts, import_id"
            + " FROM alert WHERE composed_at IS NULL ORDER BY id FOR UPDATE";
    private static final String INSERT_EMAIL = "INSERT INTO email_outbox (message_id, alert_type, number,"
            + " recipients, subject, body, status, attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)";
    private static final String MARK_COMPOSED = "UPDATE alert SET email_id = ?, composed_at = ? WHERE id = ?";

    private final JdbcTemplate jdbc;
    private final NumberDirectory numbers;
    private final String messageIdDomain;

    public EmailComposer(JdbcTemplate jdbc, NumberDirectory numbers, VoipGuardProperties properties) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.messageIdDomain = MessageIds.checkedDomain(properties.mail().messageIdDomain());
    }

    /** Composes every alert not composed yet, in one transaction; running it again composes nothing. */
    @Transactional
    public ComposeReport composePending() {
        List<PendingAlert> alerts = jdbc.query(SELECT_UNCOMPOSED, EmailComposer::pendingAlert);
        if (alerts.isEmpty()) {
            return new ComposeReport(0, 0, 0);
        }
        Set<String> distinctNumbers = new LinkedHashSet<>();
        alerts.forEach(alert -> distinctNumbers.add(alert.number()));
        Map<String, NumberSettings> settings = numbers.findAll(distinctNumbers);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int emails = 0;
        int withoutRecipient = 0;
        for (List<PendingAlert> group : groups(alerts)) {
            Long emailId = compose(group, settings.get(group.get(0).number()), now);
            if (emailId == null) {
                withoutRecipient += group.size();
            } else {
                emails++;
            }
            markComposed(group, emailId, now);
        }
        return new ComposeReport(alerts.size(), emails, withoutRecipient);
    }

    private static List<List<PendingAlert>> groups(List<PendingAlert> alerts) {
        Map<GroupKey, List<PendingAlert>> groups = new LinkedHashMap<>();
        for (PendingAlert alert : alerts) {
            GroupKey groupKey = RATE_LIMIT_EXCEEDED.equals(alert.type())
                    ? new GroupKey(alert.number(), alert.importId(), null)
                    : new GroupKey(alert.number(), alert.importId(), alert.id());
            groups.computeIfAbsent(groupKey, k -> new ArrayList<>()).add(alert);
        }
        return new ArrayList<>(groups.values());
    }

    /** The id of the email that carries the group, or {@code null} when it goes to nobody. */
    private Long compose(List<PendingAlert> group, NumberSettings settings, OffsetDateTime now) {
        PendingAlert first = group.get(0);
        String number = first.number();
        if (number == null || !E164.matcher(number).matches()) {
            log.warn("alert {}: number is not in E.164 form, no email", first.id());
            return null;
        }
        String type = headerType(first.type());
        List<String> recipients = Recipients.of(type, settings);
        if (recipients.isEmpty()) {
            return null;
        }
        List<String> keys = group.stream().map(PendingAlert::key).toList();
        String messageId = MessageIds.forAlertKeys(keys, messageIdDomain);
        List<Long> existing = jdbc.queryForList("SELECT id FROM email_outbox WHERE message_id = ?", Long.class,
                messageId);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        List<Map<String, String>> facts = group.stream().map(EmailComposer::facts).toList();
        String subject = AlertEmailText.subject(type, number);
        String body = limited(AlertEmailText.body(type, number, facts));
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(INSERT_EMAIL, new String[] {"id"});
            insert.setString(1, messageId);
            insert.setString(2, type);
            insert.setString(3, number);
            insert.setString(4, String.join(", ", recipients));
            insert.setString(5, subject);
            insert.setString(6, body);
            insert.setString(7, PENDING);
            insert.setObject(8, now);
            return insert;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    /**
     * The alert type as it may appear in a header: upper-case letters, digits and underscores,
     * starting with a letter ({@code ALERT} when nothing is left).
     */
    static String headerType(String storedType) {
        String upper = storedType == null ? "" : storedType.toUpperCase(Locale.ROOT);
        String type = LEADING_NON_LETTERS.matcher(NOT_TYPE_CHARACTER.matcher(upper).replaceAll("")).replaceAll("");
        return type.isEmpty() ? "ALERT" : type.substring(0, Math.min(type.length(), 40));
    }

    private static Map<String, String> facts(PendingAlert alert) {
        try {
            return AlertFacts.decode(alert.facts());
        } catch (IllegalArgumentException e) {
            log.warn("alert {}: stored facts cannot be read, email sent without them", alert.id());
            return Map.of("details", "could not be read");
        }
    }

    private static String limited(String body) {
        return body.length() <= MAX_BODY_LENGTH ? body
                : body.substring(0, MAX_BODY_LENGTH) + "\n[the rest of this email was cut]\n";
    }

    private void markComposed(List<PendingAlert> group, Long emailId, OffsetDateTime now) {
        List<Object[]> rows = group.stream().map(alert -> new Object[] {
            new SqlParameterValue(Types.BIGINT, emailId), new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, now),
            alert.id()}).toList();
        jdbc.batchUpdate(MARK_COMPOSED, rows);
    }

    private static PendingAlert pendingAlert(ResultSet rs, int row) throws SQLException {
        return new PendingAlert(rs.getLong("id"), rs.getString("alert_key"), rs.getString("alert_type"),
                rs.getString("number"), rs.getString("facts"), AlertStore.nullableLong(rs, "import_id"));
    }

    /** One email per number and job for rate-limit alerts ({@code alertId} null), else per alert. */
    private record GroupKey(String number, Long importId, Long alertId) {
    }

    private record PendingAlert(long id, String key, String type, String number, String facts,
            Long importId) {
    }
}
