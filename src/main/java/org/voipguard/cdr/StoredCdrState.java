package org.voipguard.cdr;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.billing.SpendLedger.NumberMonth;
import org.voipguard.billing.SpendRow;
import org.voipguard.db.InListBatches;

/** The stored spend, closed months and call ids a dry run starts from. It only reads. */
@Repository
public class StoredCdrState implements InMemoryCdrImport.StoredState {

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

    @Override
    public Set<String> storedCallIds(Collection<String> callIds) {
        Set<String> stored = new HashSet<>();
        InListBatches.of(callIds).forEach(ids -> stored.addAll(jdbc.queryForList(
                "SELECT call_id FROM cdr WHERE call_id IN (:ids)", Map.of("ids", ids), String.class)));
        return stored;
    }
}
