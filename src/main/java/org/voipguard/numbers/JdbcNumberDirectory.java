package org.voipguard.numbers;

import org.voipguard.config.NotifyMode;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.config.VoipGuardProperties.PolicyDefaults;
import org.voipguard.db.InListBatches;

/**
 * Effective settings from {@code number_settings}: each empty column is replaced by the default
 * from {@code batch-config}, and a number never imported gets the defaults throughout.
 */
@Repository
public class JdbcNumberDirectory implements NumberDirectory {

    private static final String SELECT_ALL = "SELECT number, login, number_email, login_email, national_limit_ppm,"
            + " international_limit_ppm, ip_access_list, ip_agent_notify, bill_warning_level_gbp,"
            + " auto_warning_level_gbp, threshold_profile FROM number_settings";
    private static final String SELECT = SELECT_ALL + " WHERE number IN (:numbers)";

    private static final int ROWS_FETCHED_AT_ONCE = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final PolicyDefaults defaults;

    public JdbcNumberDirectory(NamedParameterJdbcTemplate jdbc, VoipGuardProperties properties) {
        this.jdbc = jdbc;
        this.defaults = properties.defaults();
    }

    /** Whether the number's settings were ever imported. */
    public boolean isKnown(String number) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM number_settings WHERE number = :number",
                Map.of("number", number), Integer.class);
        return known != null && known > 0;
    }

    @Override
    public NumberSettings find(String number) {
        return findAll(List.of(number)).get(number);
    }

    @Override
    public Map<String, NumberSettings> findAll(Collection<String> numbers) {
        Map<String, NumberSettings> stored = new HashMap<>();
        for (List<String> batch : InListBatches.of(numbers)) {
            jdbc.query(SELECT, Map.of("numbers", batch), (ResultSet rs) -> {
                NumberSettings settings = fromRow(rs);
                stored.put(settings.number(), settings);
            });
        }
        Map<String, NumberSettings> result = new LinkedHashMap<>();
        for (String number : new LinkedHashSet<>(numbers)) {
            result.put(number, stored.getOrDefault(number, defaultsFor(number)));
        }
        return result;
    }

    /** The effective settings of every number imported, by number: for a service that holds them in memory. */
    public Map<String, NumberSettings> findEveryStored() {
        Map<String, NumberSettings> stored = new HashMap<>();
        forEachStored(settings -> stored.put(settings.number(), settings));
        return stored;
    }

    @Override
    public int storedCount() {
        Integer count = jdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM number_settings", Integer.class);
        return count == null ? 0 : count;
    }

    /**
     * Fetched in batches, in a transaction (the caller's, or one of its own): PostgreSQL then
     * streams the rows instead of holding them all.
     */
    @Override
    @Transactional(readOnly = true)
    public void forEachStored(Consumer<NumberSettings> action) {
        jdbc.getJdbcTemplate().query(connection -> {
            PreparedStatement statement = connection.prepareStatement(SELECT_ALL);
            statement.setFetchSize(ROWS_FETCHED_AT_ONCE);
            return statement;
        }, (RowCallbackHandler) rs -> action.accept(fromRow(rs)));
    }

    /** The settings of a number that was never imported. */
    @Override
    public NumberSettings defaultsFor(String number) {
        return EffectiveSettings.defaults(number, defaults);
    }

    private NumberSettings fromRow(ResultSet rs) throws SQLException {
        String number = rs.getString("number");
        String notify = rs.getString("ip_agent_notify");
        return EffectiveSettings.of(number, rs.getString("login"), rs.getString("number_email"),
                rs.getString("login_email"), rs.getBigDecimal("national_limit_ppm"),
                rs.getBigDecimal("international_limit_ppm"), accessList(number, rs.getString("ip_access_list")),
                notify != null ? NotifyMode.valueOf(notify) : null, rs.getBigDecimal("bill_warning_level_gbp"),
                rs.getBigDecimal("auto_warning_level_gbp"), rs.getString("threshold_profile"), defaults);
    }

    private static IpAccessList accessList(String number, String text) {
        try {
            return IpAccessList.parseStored(text);
        } catch (InvalidAccessListException e) {
            // Validated on import; a list that no longer parses must never become "no restriction".
            throw new IllegalStateException("stored IP access list of " + number + " is invalid: "
                    + e.getMessage(), e);
        }
    }
}
