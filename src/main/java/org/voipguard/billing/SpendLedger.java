package org.voipguard.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    private final String addImportedCalls;

    public SpendLedger(JdbcTemplate jdbc, VoipGuardProperties properties, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.defaultLevelGbp = properties.defaults().billWarningLevelGbp();
        this.addImportedCalls = dialect.insertOrAddSelected("monthly_spend",
                List.of("number", "billing_month", "spend_gbp", "late_charges_gbp", "last_job_execution_id"),
                List.of("number", "billing_month"), List.of("spend_gbp", "late_charges_gbp"),
                "SELECT number, billing_month, SUM(cost_gbp), SUM(CASE WHEN late_charge THEN cost_gbp ELSE 0 END),"
                        + " CAST(? AS BIGINT) FROM cdr WHERE job_execution_id = ? AND cost_gbp > 0"
                        + " GROUP BY number, billing_month ORDER BY number, billing_month");
    }

    /** A number's month. {@code month} is {@code YYYY-MM}. */
    public record NumberMonth(String number, String month) {
    }

    /**
     * Adds the charges of the calls one import stored to their number-months, in one statement
     * run once per import: each number-month is written once however many of its calls the
     * file holds, and remembers the import that touched it. Calls to a month already closed
     * when they were stored are late charges and also go to that month's bill. Rows are taken
     * in key order so that two writers adding to the same months at once neither lose an
     * update nor deadlock.
     */
    public void addCallsOfImport(long importId) {
        jdbc.update(addImportedCalls, importId, importId);
        List<Map.Entry<NumberMonth, BigDecimal>> late = jdbc.query("SELECT number, billing_month, SUM(cost_gbp) FROM cdr"
                + " WHERE job_execution_id = ? AND late_charge = TRUE AND cost_gbp > 0"
                + " GROUP BY number, billing_month ORDER BY number, billing_month",
                (rs, row) -> Map.entry(new NumberMonth(rs.getString(1), rs.getString(2)), rs.getBigDecimal(3)), importId);
        addLateChargesToBills(late);
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
