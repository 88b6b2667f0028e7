package org.voipguard.blocklist;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.db.SqlDialect;
import org.voipguard.rules.RaisedAlert;
import org.voipguard.text.Sha256;
import org.voipguard.thresholds.Check;
import org.voipguard.thresholds.Thresholds;

/**
 * The bans behind the blocklist (table {@code address_ban}): one per alert that names an
 * address and whose type is a check with a ban time in the thresholds file ({@code AUTH_FAILURES},
 * {@code SCANNER}, {@code LOCKDOWN_BLOCKED} as shipped). Like fail2ban's {@code bantime}, a ban
 * runs from when VoIPGuard raised the alert. Keyed by the alert's key, so a re-run bans nothing twice
 * and never moves a ban's start.
 */
@Repository
public class AddressBans {

    private static final int MAX_KEY_LENGTH = 300;

    /** One ban: an address, the alert type that banned it, from when and until when. */
    public record Ban(String address, String reason, Instant bannedAt, Instant expiresAt) {
    }

    private final JdbcTemplate jdbc;
    private final String insertNew;

    public AddressBans(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.insertNew = dialect.insertIfAbsent("address_ban",
                List.of("alert_key", "address", "reason", "banned_at", "expires_at"), List.of("alert_key"));
    }

    /** The bans these alerts call for, by the thresholds' ban times; an alert of no check or no ban calls for none. */
    public static List<Ban> bansOf(List<RaisedAlert> alerts, Thresholds thresholds, Instant now) {
        List<Ban> bans = new ArrayList<>();
        for (RaisedAlert alert : alerts) {
            Duration ban = checkOf(alert.type()).map(thresholds::banOf).orElse(Duration.ZERO);
            if (alert.address() != null && !ban.isZero() && !ban.isNegative()) {
                bans.add(new Ban(alert.address(), alert.type(), now, now.plus(ban)));
            }
        }
        return bans;
    }

    /** Stores the bans these alerts call for, unless stored before; returns how many are new. */
    public int record(List<RaisedAlert> alerts, Thresholds thresholds, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        for (RaisedAlert alert : alerts) {
            for (Ban ban : bansOf(List.of(alert), thresholds, now)) {
                rows.add(new Object[] {key(alert.key()), ban.address(), ban.reason(), Timestamp.from(ban.bannedAt()),
                    Timestamp.from(ban.expiresAt())});
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        int added = 0;
        for (int count : jdbc.batchUpdate(insertNew, rows)) {
            added += Math.max(count, 0);
        }
        return added;
    }

    /** The bans still running at {@code now}. */
    public List<Ban> runningAt(Instant now) {
        return jdbc.query("SELECT address, reason, banned_at, expires_at FROM address_ban WHERE expires_at > ?"
                + " AND banned_at <= ? ORDER BY address, banned_at", (rs, row) -> new Ban(rs.getString(1),
                        rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()),
                Timestamp.from(now), Timestamp.from(now));
    }

    /** A stamp that moves whenever a ban is added: the newest start. */
    public Optional<Instant> latestBan() {
        Timestamp latest = jdbc.queryForObject("SELECT MAX(banned_at) FROM address_ban", Timestamp.class);
        return Optional.ofNullable(latest).map(Timestamp::toInstant);
    }

    /** Drops the bans that ended before {@code before}; returns how many. */
    public int dropEndedBefore(Instant before) {
        return jdbc.update("DELETE FROM address_ban WHERE expires_at < ?", Timestamp.from(before));
    }

    private static Optional<Check> checkOf(String type) {
        try {
            return Optional.of(Check.valueOf(type.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String key(String alertKey) {
        return alertKey.length() <= MAX_KEY_LENGTH ? alertKey
                : alertKey.substring(0, MAX_KEY_LENGTH - 65) + "#" + Sha256.hex(alertKey);
    }
}
