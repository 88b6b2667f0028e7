package org.voipguard.imports;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Counts what an import produced, straight from the database. */
@Repository
public class ImportStatistics {

    private final JdbcTemplate jdbc;

    public ImportStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long alerts(long importId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM alert WHERE import_id = ?", Long.class, importId);
        return count == null ? 0 : count;
    }
}
