package org.voipguard.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.db.FreshStatistics;
import org.voipguard.db.InListBatches;
import org.voipguard.db.NewRows;
import org.voipguard.numbers.IpAccessList;
import org.voipguard.numbers.NumberDirectory;

/**
 * Turns stored alerts into outbox emails. All {@code RATE_LIMIT_EXCEEDED} alerts of one
 * number and one job execution become one email listing the calls; every other alert is an
 * email of its own. Each alert is composed once ({@code alert_email}, with the email that
 * carries it or none), whether or not its number has an address, and an email's Message-ID is
 * derived from its alert keys.
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

    /** Alerts per page; the alerts of a rate-limit email that fall after the page are read with it. */
    static final int PAGE_SIZE = 1000;

    /**
     * The alerts after an id (given twice) that are not composed. The same bound on the composed
     * alerts is redundant for the result, but without it PostgreSQL's anti-join read every
     * composed alert up to the page for each page: composing 346,049 emails of 1,452,279 alerts
     * took 196 s, most of it there.
     */
    private static final String UNCOMPOSED_ALERTS_AFTER = "SELECT id, alert_key, alert_type, number, facts,"
            + " import_id, address FROM alert WHERE id > ?"
            + " AND NOT EXISTS (SELECT 1 FROM alert_email c WHERE c.alert_id = alert.id AND c.alert_id > ?)";
    /**
     * No row locks: only one run writes at a time (the run lock), and even two composers could
     * not store an email twice, since emails are inserted only when their Message-ID (derived
     * from the alert keys) is absent, and an alert composed twice would fail on its key.
     */
    static final String SELECT_PAGE = UNCOMPOSED_ALERTS_AFTER + " ORDER BY id LIMIT " + PAGE_SIZE;
    private static final String SELECT_REST_OF_GROUPS = UNCOMPOSED_ALERTS_AFTER
            + " AND alert_type = '" + RATE_LIMIT_EXCEEDED + "' AND number IN (" + placeholders(InListBatches.SIZE)
            + ") ORDER BY id";
    private static final String SELECT_MARK = "SELECT composed_through FROM compose_mark WHERE id = 1";
    /** Every alert up to the page's last is composed now: the page held every uncomposed one of them. */
    private static final String MOVE_MARK = "UPDATE compose_mark SET composed_through = ? WHERE id = 1"
            + " AND composed_through < ?";
    private static final String SELECT_EMAIL_IDS = "SELECT id, message_id FROM email_outbox WHERE message_id IN ("
            + placeholders(InListBatches.SIZE) + ")";
    /** What composing reads by key and leaves as it is: analysed once, at the start (see FreshStatistics). */
    private static final List<String> TABLES_READ_BY_KEY = List.of("alert", "number_settings");
    /** What composing reads by key while it fills them: PostgreSQL must see them grow. */
    private static final List<String> TABLES_FILLED = List.of("alert_email", "email_outbox");
    private static final NewRows.Table EMAIL = new NewRows.Table("email_outbox", List.of("message_id", "alert_type",
            "number", "recipients", "subject", "status", "attempts", "created_at", "address", "severity"),
            List.of("message_id"));
    private static final NewRows.Table BODY = new NewRows.Table("email_body", List.of("email_id", "body"),
            List.of("email_id"));
    /** Each alert is composed once: a second row for it fails on its key. */
    private static final NewRows.Table COMPOSED = new NewRows.Table("alert_email", List.of("alert_id", "email_id",
            "composed_at"), List.of("alert_id"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final NumberDirectory numbers;
    private final FreshStatistics freshStatistics;
    private final String messageIdDomain;
    private final NewRows newRows;
    private final List<String> operators;

    public EmailComposer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, NewRows newRows,
            NumberDirectory numbers, FreshStatistics freshStatistics, VoipGuardProperties properties) {
        this.operators = Recipients.operators(properties.operatorEmail());
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.numbers = numbers;
        this.freshStatistics = freshStatistics;
        this.messageIdDomain = MessageIds.checkedDomain(properties.mail().messageIdDomain());
        this.newRows = newRows;
    }

    /**
     * Composes every alert not composed yet, a page of alerts per transaction, so memory stays
     * flat whatever the backlog and a killed run keeps the pages it committed; running it again
     * composes nothing.
     */
    public ComposeReport composePending() {
        ComposeReport total = new ComposeReport(0, 0, 0);
        long toNobody = 0;
        Long mark = jdbc.queryForObject(SELECT_MARK, Long.class);
        long afterId = mark == null ? 0 : mark;
        NumberAddresses addresses = new NumberAddresses(numbers);
        freshStatistics.analyze(TABLES_READ_BY_KEY);
        FreshStatistics.Schedule statistics = freshStatistics.startedFor(TABLES_FILLED);
        while (true) {
            long from = afterId;
            PageComposed page = transactions.execute(status -> composePage(from, addresses));
            statistics.pageDone();
            if (page == null || page.report().alerts() == 0) {
                if (toNobody > 0) {
                    log.warn("{} alerts about an address are stored but emailed to nobody: voipguard.operator-email"
                            + " is not set", toNobody);
                }
                return total;
            }
            total = total.plus(page.report());
            toNobody += page.aboutAddressToNobody();
            afterId = page.lastId();
        }
    }

    private PageComposed composePage(long afterId, NumberAddresses addresses) {
        List<PendingAlert> alerts = new ArrayList<>(jdbc.query(SELECT_PAGE, EmailComposer::pendingAlert, afterId,
                afterId));
        if (alerts.isEmpty()) {
            return new PageComposed(new ComposeReport(0, 0, 0), afterId, 0);
        }
        long lastId = alerts.get(alerts.size() - 1).id();
        alerts.addAll(restOfRateLimitGroups(alerts, lastId));
        Map<String, NumberAddresses.Addresses> addressesOf = addresses.of(distinctNumbers(alerts));
        List<Composed> composed = groups(alerts).stream()
                .map(group -> new Composed(group, draft(group, group.get(0).number() == null ? null
                        : addressesOf.get(group.get(0).number())))).toList();
        List<Draft> drafts = composed.stream().map(Composed::draft).filter(Objects::nonNull).toList();
        Instant now = Instant.now();
        markComposed(composed, store(drafts, now), now);
        jdbc.update(MOVE_MARK, lastId, lastId);
        int withoutRecipient = composed.stream().filter(c -> c.draft() == null).mapToInt(c -> c.alerts().size()).sum();
        long aboutAddressToNobody = operators.isEmpty()
                ? alerts.stream().filter(alert -> alert.number() == null && alert.address() != null).count() : 0;
        return new PageComposed(new ComposeReport(alerts.size(), drafts.size(), withoutRecipient), lastId,
                aboutAddressToNobody);
    }

    /** The uncomposed rate-limit alerts after the page that belong to an email of the page (same number and import). */
    private List<PendingAlert> restOfRateLimitGroups(List<PendingAlert> page, long lastId) {
        Set<GroupKey> rateLimitGroups = new HashSet<>();
        page.stream().filter(alert -> RATE_LIMIT_EXCEEDED.equals(alert.type()))
                .forEach(alert -> rateLimitGroups.add(groupKey(alert)));
        List<PendingAlert> rest = new ArrayList<>();
        for (List<String> batch : InListBatches.of(rateLimitGroups.stream().map(GroupKey::number).toList())) {
            List<Object> arguments = new ArrayList<>(batch.size() + 2);
            arguments.add(lastId);
            arguments.add(lastId);
            arguments.addAll(batch);
            jdbc.query(SELECT_REST_OF_GROUPS, EmailComposer::pendingAlert, arguments.toArray()).stream()
                    .filter(alert -> rateLimitGroups.contains(groupKey(alert))).forEach(rest::add);
        }
        return rest;
    }

    private static Set<String> distinctNumbers(List<PendingAlert> alerts) {
        Set<String> distinct = new LinkedHashSet<>();
        alerts.stream().filter(alert -> alert.number() != null).forEach(alert -> distinct.add(alert.number()));
        return distinct;
    }

    /** True when alerts about an address have somebody to go to ({@code voipguard.operator-email}). */
    public boolean hasOperators() {
        return !operators.isEmpty();
    }

    private static List<List<PendingAlert>> groups(List<PendingAlert> alerts) {
        Map<GroupKey, List<PendingAlert>> groups = new LinkedHashMap<>();
        for (PendingAlert alert : alerts) {
            groups.computeIfAbsent(groupKey(alert), k -> new ArrayList<>()).add(alert);
        }
        return new ArrayList<>(groups.values());
    }

    private static GroupKey groupKey(PendingAlert alert) {
        return RATE_LIMIT_EXCEEDED.equals(alert.type()) ? new GroupKey(alert.number(), alert.importId(), null)
                : new GroupKey(alert.number(), alert.importId(), alert.id());
    }

    /** The email that carries the group, or {@code null} when it goes to nobody. */
    private Draft draft(List<PendingAlert> group, NumberAddresses.Addresses addresses) {
        PendingAlert first = group.get(0);
        if (first.number() == null && first.address() != null) {
            return operatorDraft(group);
        }
        String number = first.number();
        if (number == null || !E164.matcher(number).matches()) {
            log.warn("alert {}: number is not in E.164 form, no email", first.id());
            return null;
        }
        String type = headerType(first.type());
        List<String> recipients = Recipients.of(type, addresses);
        if (recipients.isEmpty()) {
            return null;
        }
        String messageId = MessageIds.forAlertKeys(group.stream().map(PendingAlert::key).toList(), messageIdDomain);
        List<Map<String, String>> facts = group.stream().map(EmailComposer::facts).toList();
        return new Draft(messageId, type, number, null, String.join(", ", recipients),
                AlertEmailText.subject(type, number), limited(AlertEmailText.body(type, number, facts)),
                AlertSeverity.highestOf(facts).map(Enum::name).orElse(null));
    }

    /** An alert about an address goes to the operators, or to nobody when none is set (it stays stored). */
    private Draft operatorDraft(List<PendingAlert> group) {
        PendingAlert alert = group.get(0);
        if (!IpAccessList.canonicalAddress(alert.address()).filter(alert.address()::equals).isPresent()) {
            log.warn("alert {}: address is not in canonical form, no email", alert.id());
            return null;
        }
        if (operators.isEmpty()) {
            return null; // counted and said once per run, in composePending
        }
        String type = headerType(alert.type());
        String messageId = MessageIds.forAlertKeys(List.of(alert.key()), messageIdDomain);
        Map<String, String> facts = facts(alert);
        return new Draft(messageId, type, null, alert.address(), String.join(", ", operators),
                AlertEmailText.subjectForAddress(type, alert.address()),
                limited(AlertEmailText.bodyForAddress(type, alert.address(), facts)),
                AlertSeverity.highestOf(List.of(facts)).map(Enum::name).orElse(null));
    }

    /**
     * Stores the drafts whose Message-ID is not in the outbox yet, each body apart, and returns
     * the id of every draft's email by Message-ID (an email stored before keeps its id and body).
     */
    private Map<String, Long> store(List<Draft> drafts, Instant now) {
        if (drafts.isEmpty()) {
            return Map.of();
        }
        newRows.insert(EMAIL, drafts.stream().map(draft -> new Object[] {draft.messageId(), draft.type(),
            draft.number(), draft.recipients(), draft.subject(), PENDING, 0, now, draft.address(),
            draft.severity()}).toList());
        Map<String, Long> ids = emailIds(drafts.stream().map(Draft::messageId).toList());
        newRows.insert(BODY, drafts.stream().map(draft -> new Object[] {ids.get(draft.messageId()), draft.body()})
                .toList());
        return ids;
    }

    private Map<String, Long> emailIds(List<String> messageIds) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> batch : InListBatches.of(messageIds)) {
            jdbc.query(SELECT_EMAIL_IDS, (RowCallbackHandler) rs -> ids.put(rs.getString(2), rs.getLong(1)),
                    batch.toArray());
        }
        return ids;
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

    private void markComposed(List<Composed> composed, Map<String, Long> emailIds, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        for (Composed group : composed) {
            Long emailId = group.draft() == null ? null : emailIds.get(group.draft().messageId());
            group.alerts().forEach(alert -> rows.add(new Object[] {alert.id(), emailId, now}));
        }
        rows.sort(Comparator.comparingLong(row -> (Long) row[0]));
        newRows.append(COMPOSED, rows);
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static PendingAlert pendingAlert(ResultSet rs, int row) throws SQLException {
        return new PendingAlert(rs.getLong("id"), rs.getString("alert_key"), rs.getString("alert_type"),
                rs.getString("number"), rs.getString("facts"), AlertStore.nullableLong(rs, "import_id"),
                rs.getString("address"));
    }

    /** One email per number and job for rate-limit alerts ({@code alertId} null), else per alert. */
    private record GroupKey(String number, Long importId, Long alertId) {
    }

    private record PendingAlert(long id, String key, String type, String number, String facts,
            Long importId, String address) {
    }

    /** One email to store: its body goes to {@code email_body}, the rest to {@code email_outbox}. */
    private record Draft(String messageId, String type, String number, String address, String recipients,
            String subject, String body, String severity) {
    }

    /** The alerts of one email, and the email ({@code null} when it goes to nobody). */
    private record Composed(List<PendingAlert> alerts, Draft draft) {
    }

    /** What a page did, and the id of its last alert: the next page starts after it. */
    private record PageComposed(ComposeReport report, long lastId, long aboutAddressToNobody) {
    }
}
