package org.voipguard.cdr;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.billing.SpendLedger.NumberMonth;
import org.voipguard.billing.SpendRow;
import org.voipguard.callpatterns.PatternCall;
import org.voipguard.db.InListBatches;

/**
 * The stored spend, closed months, call ids, alert keys and recent calls a dry run starts from,
 * and the calls the import's call-pattern checks read back. It only reads.
 */
@Repository
public class StoredCdrState implements InMemoryCdrImport.StoredState {

    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");
    private static final int CALLS_FETCHED_AT_ONCE = 10_000;

    private final NamedParameterJdbcTemplate jdbc;

    public StoredCdrState(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<NumberMonth, SpendRow> spend(Collection<NumberMonth> numberMonths) {
        Set<NumberMonth> wanted = new HashSet<>(numberMonths);
        Map<NumberMonth, SpendRow> rows = new HashMap<>();
        InListBatches.of(wanted.stream().map(NumberMonth::number).toList()).forEach(numbers -> jdbc.query(
                "SELECT number, billing_month, spend_gbp, warned_multiple FROM monthly_spend WHERE number IN (:numbers)",
                Map.of("numbers", numbers), rs -> {
                    NumberMonth nm = new NumberMonth(rs.getString(1), rs.getString(2));
                    if (wanted.contains(nm)) {
                        rows.put(nm, new SpendRow(nm.number(), nm.month(), rs.getBigDecimal(3), rs.getInt(4)));
                    }
                }));
        return rows;
    }

    @Override
    public Set<String> closedMonths() {
        return new HashSet<>(jdbc.getJdbcTemplate().queryForList("SELECT billing_month FROM month_close", String.class));
    }

    /** Calls stored before the dialled digits were: their number as dialled, digits only. */
    private static final String DIALLED = "COALESCE(dialled_digits, called)";

    /** Streamed, fetched in batches: a day of a busy provider is hundreds of thousands of calls. */
    @Override
    public void outgoingCallsStartingBetween(Instant from, Instant to, Consumer<PatternCall> calls) {
        jdbc.getJdbcTemplate().query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT call_id, number, start_time, duration_s, "
                    + DIALLED + " FROM cdr WHERE start_time >= ? AND start_time < ? AND direction = 'OUT'");
            statement.setFetchSize(CALLS_FETCHED_AT_ONCE);
            statement.setTimestamp(1, Timestamp.from(from));
            statement.setTimestamp(2, Timestamp.from(to));
            return statement;
        }, (RowCallbackHandler) rs -> calls.accept(new PatternCall(rs.getString(1), rs.getString(2),
                rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4),
                NOT_DIGIT.matcher(rs.getString(5)).replaceAll(""))));
    }

    @Override
    public Set<String> storedAlertKeys(Collection<String> keys) {
        Set<String> stored = new HashSet<>();
        InListBatches.of(keys).forEach(batch -> stored.addAll(jdbc.queryForList(
                "SELECT alert_key FROM alert WHERE alert_key IN (:keys)", Map.of("keys", batch), String.class)));
        return stored;
    }

    @Override
    public Set<String> storedCallIds(Collection<String> callIds) {
        Set<String> stored = new HashSet<>();
        InListBatches.of(callIds).forEach(ids -> stored.addAll(jdbc.queryForList(
                "SELECT call_id FROM cdr WHERE call_id IN (:ids)", Map.of("ids", ids), String.class)));
        return stored;
    }
}
