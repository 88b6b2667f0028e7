package org.voipguard.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.stereotype.Repository;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.db.SqlDialect;

/**
 * Spend per number per calendar month, kept in the database so memory does not grow with
 * the input. Charges to a month that month-end already closed are late charges: they are
 * added to that month's bill and recorded apart.
 */
@Repository
public class SpendLedger {

    private final JdbcTemplate jdbc;
    private final BigDecimal defaultLevelGbp;
    private static final Comparator<NumberMonth> IN_KEY_ORDER =
            Comparator.comparing(NumberMonth::number).thenComparing(NumberMonth::month);

    private final String addToSpend;

    public SpendLedger(JdbcTemplate jdbc, VoipGuardProperties properties, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.defaultLevelGbp = properties.defaults().billWarningLevelGbp();
        List<String> columns =
                List.of("number", "billing_month", "spend_gbp", "late_charges_gbp", "last_import_id");
        List<String> key = List.of("number", "billing_month");
        List<String> added = List.of("spend_gbp", "late_charges_gbp");
        this.addToSpend = dialect.insertOrAdd("monthly_spend", columns, key, added);
    }

    /** A number's month. {@code month} is {@code YYYY-MM}. */
    public record NumberMonth(String number, String month) {
    }

    /**
     * Adds charges summed per number-month; every number-month touched remembers the import
     * that touched it. Charges to a closed month are late charges and also go to that month's
     * bill. Each number-month is one atomic insert-or-add, taken in key order so that two
     * writers adding to the same months at once neither lose an update nor deadlock.
     */
    public void add(Map<NumberMonth, BigDecimal> charges, long importId) {
        Set<String> closed = closedMonths();
        List<Map.Entry<NumberMonth, BigDecimal>> entries = new ArrayList<>(charges.entrySet());
        entries.sort(Map.Entry.comparingByKey(IN_KEY_ORDER));
        batch(addToSpend, entries, (ps, e) -> {
            BigDecimal late = closed.contains(e.getKey().month()) ? e.getValue() : BigDecimal.ZERO;
            ps.setString(1, e.getKey().number());
            ps.setString(2, e.getKey().month());
            ps.setBigDecimal(3, e.getValue());
            ps.setBigDecimal(4, late);
            ps.setLong(5, importId);
        });
        addLateChargesToBills(entries.stream().filter(e -> closed.contains(e.getKey().month())).toList());
    }

    /**
     * Adds late charges to the closed months' bills. Month end bills every known number, so a
     * bill is only missing for a number first seen in a late call: it gets one, at the level
     * it has now.
     */
    private void addLateChargesToBills(List<Map.Entry<NumberMonth, BigDecimal>> late) {
        int[] updated = batch("UPDATE monthly_bill SET bill_gbp = bill_gbp + ? WHERE number = ? AND billing_month = ?",
                late, (ps, e) -> {
                    ps.setBigDecimal(1, e.getValue());
                    ps.setString(2, e.getKey().number());
                    ps.setString(3, e.getKey().month());
                });
        List<Map.Entry<NumberMonth, BigDecimal>> unbilled = new ArrayList<>();
        for (int i = 0; i < late.size(); i++) {
            if (updated[i] == 0) {
                unbilled.add(late.get(i));
            }
        }
        batch("INSERT INTO monthly_bill (number, billing_month, bill_gbp, warning_level_gbp, previous_level_gbp)"
                + " SELECT ?, ?, ?, l.lvl, l.lvl FROM (SELECT COALESCE((SELECT COALESCE(bill_warning_level_gbp,"
                + " auto_warning_level_gbp) FROM number_settings WHERE number = ?), ?) AS lvl) l",
                unbilled, (ps, e) -> {
                    ps.setString(1, e.getKey().number());
                    ps.setString(2, e.getKey().month());
                    ps.setBigDecimal(3, e.getValue());
                    ps.setString(4, e.getKey().number());
                    ps.setBigDecimal(5, defaultLevelGbp);
                });
    }

    /** A number's spend in a month ({@code YYYY-MM}), and the multiple of its level already warned about. */
    public Optional<SpendRow> spendOf(String number, String month) {
        return jdbc.query("SELECT number, billing_month, spend_gbp, warned_multiple FROM monthly_spend"
                + " WHERE number = ? AND billing_month = ?",
                (rs, row) -> new SpendRow(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getInt(4)),
                number, month).stream().findFirst();
    }

    /** A number's spend in each month from {@code first} to {@code last}, both included, oldest first; months without spend are absent. */
    public List<SpendRow> monthsOf(String number, YearMonth first, YearMonth last) {
        return jdbc.query("SELECT number, billing_month, spend_gbp, warned_multiple FROM monthly_spend"
                + " WHERE number = ? AND billing_month >= ? AND billing_month <= ? ORDER BY billing_month",
                (rs, row) -> new SpendRow(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getInt(4)),
                number, first.toString(), last.toString());
    }

    public Set<String> closedMonths() {
        return new HashSet<>(jdbc.queryForList("SELECT billing_month FROM month_close", String.class));
    }

    /** Records that the warning for {@code multiple} times the level has been raised. */
    public void markWarned(List<WarnedMultiple> warnings) {
        batch("UPDATE monthly_spend SET warned_multiple = ? WHERE number = ? AND billing_month = ? "
                + "AND warned_multiple < ?", warnings, (ps, w) -> {
                    ps.setInt(1, w.multiple());
                    ps.setString(2, w.number());
                    ps.setString(3, w.month());
                    ps.setInt(4, w.multiple());
                });
    }

    private <T> int[] batch(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return jdbc.batchUpdate(sql, rows, rows.size(), setter)[0];
    }

    public record WarnedMultiple(String number, String month, int multiple) {
    }
}
