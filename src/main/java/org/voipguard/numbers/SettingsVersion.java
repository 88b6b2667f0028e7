package org.voipguard.numbers;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The stamp of the per-number settings: {@code numbers import} moves it on in the transaction
 * that changes them, and a long-running service polls it to know when to reload them.
 */
@Repository
public class SettingsVersion {

    private final JdbcTemplate jdbc;

    public SettingsVersion(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The current stamp; 0 before the first change. */
    public long current() {
        List<Long> versions = jdbc.queryForList("SELECT version FROM settings_version WHERE id = 1", Long.class);
        return versions.isEmpty() ? 0 : versions.get(0);
    }

    /** Marks the settings as changed. */
    public void bump() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (jdbc.update("UPDATE settings_version SET version = version + 1, changed_at = ? WHERE id = 1", now) == 0) {
            jdbc.update("INSERT INTO settings_version (id, version, changed_at) VALUES (1, 1, ?)", now);
        }
    }
}
