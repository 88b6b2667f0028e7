package org.voipguard.billing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Month-end records: each number's bill for a closed month ({@code monthly_bill}), the
 * automatic warning levels the bills set ({@code number_settings.auto_warning_level_gbp}) and
 * the closed months themselves ({@code month_close}).
 */
@Repository
public class MonthlyBills {

    /** Every number with spend in the month, and every known number without (its bill is zero). */
    static final String NUMBERS_TO_BILL = "SELECT number, spend_gbp AS bill_gbp FROM monthly_spend WHERE billing_month = ?"
            + " UNION ALL SELECT n.number, CAST(0 AS NUMERIC(14,4)) AS bill_gbp FROM number_settings n"
            + " WHERE NOT EXISTS (SELECT 1 FROM monthly_spend s WHERE s.number = n.number AND s.billing_month = ?)"
            + " ORDER BY number";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public MonthlyBills(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** One number's bill as recorded: the level it had during the month and the level it has from the close on. */
    public record Bill(String number, String month, BigDecimal billGbp, BigDecimal levelGbp, BigDecimal previousLevelGbp) {
    }

    /** What closing a month recorded. */
    public record Totals(long numbersBilled, BigDecimal totalGbp, long levelsRaised, long levelsLowered) {
    }

    /** When the month was closed, if it was. */
    public Optional<OffsetDateTime> closedAt(YearMonth month) {
        return jdbc.query("SELECT closed_at FROM month_close WHERE billing_month = ?",
                (rs, row) -> rs.getObject(1, OffsetDateTime.class), month.toString()).stream().findFirst();
    }

    /** The time of the earliest stored call or registration, if any is stored. */
    public Optional<OffsetDateTime> earliestActivity() {
        OffsetDateTime call = jdbc.queryForObject("SELECT MIN(start_time) FROM cdr",
                (rs, row) -> rs.getObject(1, OffsetDateTime.class));
        OffsetDateTime registration = jdbc.queryForObject("SELECT MIN(event_time) FROM registration_event",
                (rs, row) -> rs.getObject(1, OffsetDateTime.class));
        return Stream.of(call, registration).filter(Objects::nonNull)
                .min(OffsetDateTime::compareTo);
    }

    /** True when a month after this one is closed already: the levels then follow that later bill. */
    public boolean laterMonthClosed(YearMonth month) {
        Integer later = jdbc.queryForObject("SELECT COUNT(*) FROM month_close WHERE billing_month > ?", Integer.class,
                month.toString());
        return later != null && later > 0;
    }

    /** The numbers among these that already have a bill for the month. */
    Set<String> billed(String month, Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList("SELECT number FROM monthly_bill WHERE billing_month = :month"
                + " AND number IN (:numbers)", Map.of("month", month, "numbers", numbers), String.class));
    }

    /**
     * Sets the automatic warning levels of the numbers whose level the customer did not set and
     * returns the numbers changed. A number without settings has no level to keep: it stays at
     * the default.
     */
    Set<String> setAutoLevels(Map<String, BigDecimal> levels) {
        List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(levels.entrySet());
        if (entries.isEmpty()) {
            return Set.of();
        }
        int[] updated = jdbc.batchUpdate("UPDATE number_settings SET auto_warning_level_gbp = ? WHERE number = ?"
                + " AND bill_warning_level_gbp IS NULL", entries, entries.size(), (ps, e) -> {
                    ps.setBigDecimal(1, e.getValue());
                    ps.setString(2, e.getKey());
                })[0];
        Set<String> changed = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (updated[i] != 0) {
                changed.add(entries.get(i).getKey());
            }
        }
        return changed;
    }

    void insert(List<Bill> bills) {
        if (bills.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO monthly_bill (number, billing_month, bill_gbp, warning_level_gbp, previous_level_gbp)"
                + " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM monthly_bill WHERE number = ? AND billing_month = ?)", bills, bills.size(), (ps, b) -> {
                    ps.setString(1, b.number());
                    ps.setString(2, b.month());
                    ps.setBigDecimal(3, b.billGbp());
                    ps.setBigDecimal(4, b.levelGbp());
                    ps.setBigDecimal(5, b.previousLevelGbp());
                    ps.setString(6, b.number());
                    ps.setString(7, b.month());
                });
    }

    /**
     * Marks the month closed; from now on its calls are late charges. The bills are first made
     * equal to the month's spend, which only differs when calls were imported while a month-end
     * run that died half way waited to be run again.
     */
    void close(String month, OffsetDateTime now) {
        jdbc.update("UPDATE monthly_bill SET bill_gbp = (SELECT s.spend_gbp FROM monthly_spend s"
                + " WHERE s.number = monthly_bill.number AND s.billing_month = monthly_bill.billing_month)"
                + " WHERE billing_month = ? AND EXISTS (SELECT 1 FROM monthly_spend s"
                + " WHERE s.number = monthly_bill.number AND s.billing_month = monthly_bill.billing_month"
                + " AND s.spend_gbp <> monthly_bill.bill_gbp)", month);
        jdbc.update("INSERT INTO month_close (billing_month, closed_at) SELECT ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM month_close WHERE billing_month = ?)", month, Timestamp.from(now.toInstant()), month);
    }

    public Totals totals(YearMonth month) {
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(bill_gbp), 0),"
                + " COALESCE(SUM(CASE WHEN warning_level_gbp > previous_level_gbp THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN warning_level_gbp < previous_level_gbp THEN 1 ELSE 0 END), 0)"
                + " FROM monthly_bill WHERE billing_month = ?",
                (rs, row) -> new Totals(rs.getLong(1), rs.getBigDecimal(2), rs.getLong(3), rs.getLong(4)),
                month.toString());
    }
}
