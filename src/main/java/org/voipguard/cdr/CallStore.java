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
import org.voipguard.db.SqlDialect;

/**
 * The stored CDRs. A call id is stored once: the same call imported twice counts once. Every
 * run of the import step stores its calls in a charge batch, listed as uncharged until the
 * calls' charges are in the monthly spend, so that no call's charge is lost with the run that
 * stored it, nor added twice.
 */
@Repository
public class CallStore {

    private final JdbcTemplate jdbc;
    private final String insertIfNew;
    private final String listUncharged;

    public CallStore(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.insertIfNew = dialect.insertIfAbsent("cdr", List.of("call_id", "number", "direction", "start_time",
                "billing_month", "duration_s", "called", "call_class", "price_ppm", "cost_gbp", "status", "late_charge",
                "import_id", "charge_batch", "dialled_digits"), List.of("call_id"));
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
                    ps.setLong(14, chargeBatch);
                    ps.setString(15, priced == null ? null : CdrEvaluator.digits(priced.dialledE164()));
                })[0];
        List<StoredCall> fresh = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (inserted[i] != 0) {
                fresh.add(calls.get(i));
            }
        }
        return fresh;
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
