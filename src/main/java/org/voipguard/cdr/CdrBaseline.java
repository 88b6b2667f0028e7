package org.voipguard.cdr;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What a {@code cdrs import --baseline} learned: the calls its files stored and the spend they
 * added, per number and month, read back from the calls of those imports.
 */
@Repository
public class CdrBaseline {

    private final NamedParameterJdbcTemplate jdbc;

    public CdrBaseline(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The calls, numbers, number-months and spend the imports of these files (by content) stored. */
    public record Learned(long calls, long numbers, long numberMonths, BigDecimal spendGbp) {

        public String describe() {
            return "learned %d calls of %d numbers, GBP %s of spend over %d number-months; raised no alert and sent no email"
                    .formatted(calls, numbers, spendGbp.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                            numberMonths);
        }
    }

    public Learned learnedFrom(Collection<String> sha256s) {
        if (sha256s.isEmpty()) {
            return new Learned(0, 0, 0, BigDecimal.ZERO);
        }
        Map<String, Object> files = Map.of("kind", CdrImportJobConfiguration.KIND, "sha", List.copyOf(sha256s));
        String imports = "SELECT import_id FROM imported_file WHERE kind = :kind AND sha256 IN (:sha)";
        return jdbc.queryForObject("SELECT COUNT(*), COUNT(DISTINCT number), COALESCE(SUM(cost_gbp), 0), "
                + "(SELECT COUNT(*) FROM (SELECT DISTINCT number, billing_month FROM cdr WHERE import_id IN ("
                + imports + ")) m) FROM cdr WHERE import_id IN (" + imports + ")", files,
                (rs, row) -> new Learned(rs.getLong(1), rs.getLong(2), rs.getLong(4), rs.getBigDecimal(3)));
    }
}
