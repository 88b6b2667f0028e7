package org.voipguard.cdr;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.billing.SpendLedger.NumberMonth;
import org.voipguard.db.NewRows;
import org.voipguard.db.SqlDialect;

/**
 * The stored CDRs. A call id is stored once: the same call imported twice counts once. Every
 * run of the import step stores its calls in a charge batch, listed as uncharged until the
 * calls' charges are in the monthly spend, so that no call's charge is lost with the run that
 * stored it, nor added twice.
 */
@Repository
public class CallStore {

    private static final NewRows.Table CDR = new NewRows.Table("cdr", List.of("call_id", "number", "direction",
            "start_time", "billing_month", "duration_s", "called", "call_class", "price_ppm", "cost_gbp", "status",
            "late_charge", "import_id", "charge_batch", "dialled_digits"), List.of("call_id"));

    private final JdbcTemplate jdbc;
    private final NewRows newRows;
    private final String listUncharged;

    public CallStore(JdbcTemplate jdbc, SqlDialect dialect, NewRows newRows) {
        this.jdbc = jdbc;
        this.newRows = newRows;
        this.listUncharged = dialect.insertIfAbsent("uncharged_batch", List.of("charge_batch", "import_id"),
                List.of("charge_batch"));
    }

    /**
     * What a number spent each day (in {@code zone}) of a billing month: the cost of its charged
     * calls, as the monthly spend counts them. Days without spend are absent.
     */
    public SortedMap<LocalDate, BigDecimal> dailySpend(String number, YearMonth month, ZoneId zone) {
        SortedMap<LocalDate, BigDecimal> days = new TreeMap<>();
        jdbc.query("SELECT start_time, cost_gbp FROM cdr WHERE number = ? AND billing_month = ? AND cost_gbp > 0",
                rs -> {
                    LocalDate day = rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
                    days.merge(day, rs.getBigDecimal(2), BigDecimal::add);
                }, number, month.toString());
        return days;
    }

    /** Inserts the calls not seen before, in the charge batch, and returns exactly those. */
    List<StoredCall> insertNew(List<StoredCall> calls, long importId, long chargeBatch) {
        if (calls.isEmpty()) {
            return List.of();
        }
        jdbc.update(listUncharged, chargeBatch, importId);
        boolean[] inserted = newRows.insert(CDR, calls.stream().map(call -> row(call, importId, chargeBatch)).toList());
        List<StoredCall> fresh = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (inserted[i]) {
                fresh.add(calls.get(i));
            }
        }
        return fresh;
    }

    private static Object[] row(StoredCall stored, long importId, long chargeBatch) {
        CdrRecord r = stored.call().record();
        var priced = stored.call().priced();
        return new Object[] {r.callId(), r.number(), r.direction().name(), r.startTime().toInstant(),
            stored.billingMonth(), r.durationS(), r.called(), priced == null ? "INCOMING" : priced.callClass().name(),
            priced == null ? r.ratePpm() : priced.pricePpm(), stored.call().costGbp(), r.status(),
            stored.lateCharge(), importId, chargeBatch,
            priced == null ? null : CdrEvaluator.digits(priced.dialledE164())};
    }

    /** The charge batches whose calls are stored but not yet in the monthly spend, oldest first. */
    List<Long> unchargedBatches() {
        return jdbc.queryForList("SELECT charge_batch FROM uncharged_batch ORDER BY charge_batch", Long.class);
    }

    /**
     * The charges of a batch's calls per number-month, read back from the calls and handed on
     * in key order, {@code perPart} number-months at a time, so memory stays bounded.
     */
    void chargesOf(long chargeBatch, int perPart, Consumer<Map<NumberMonth, BigDecimal>> sink) {
        Map<NumberMonth, BigDecimal> part = new HashMap<>();
        jdbc.query("SELECT number, billing_month, SUM(cost_gbp) FROM cdr WHERE charge_batch = ? AND cost_gbp > 0"
                + " GROUP BY number, billing_month ORDER BY number, billing_month", rs -> {
                    part.put(new NumberMonth(rs.getString(1), rs.getString(2)), rs.getBigDecimal(3));
                    if (part.size() >= perPart) {
                        sink.accept(Map.copyOf(part));
                        part.clear();
                    }
                }, chargeBatch);
        if (!part.isEmpty()) {
            sink.accept(part);
        }
    }

    /** What a retention pass did with the calls that started before its cut-off. */
    public record Dropped(int dropped, int keptForOpenMonths) {
    }

    /**
     * Drops the calls that started before {@code before} and are billed in a closed month,
     * never one whose charge is not in the monthly spend yet; the others are kept and counted.
     */
    public Dropped dropBefore(Instant before, Set<String> closedMonths) {
        Timestamp cutOff = Timestamp.from(before);
        int dropped = 0;
        for (String month : closedMonths) {
            dropped += jdbc.update("DELETE FROM cdr WHERE start_time < ? AND billing_month = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM uncharged_batch u WHERE u.charge_batch = cdr.charge_batch)",
                    cutOff, month);
        }
        Integer kept = jdbc.queryForObject("SELECT COUNT(*) FROM cdr WHERE start_time < ?", Integer.class, cutOff);
        return new Dropped(dropped, kept == null ? 0 : kept);
    }

    /** The batches' charges are in the monthly spend now: in the same transaction that added them. */
    void charged(List<Long> chargeBatches) {
        jdbc.batchUpdate("DELETE FROM uncharged_batch WHERE charge_batch = ?",
                chargeBatches.stream().map(batch -> new Object[] {batch}).toList());
    }
}
