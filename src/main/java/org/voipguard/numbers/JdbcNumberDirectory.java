package org.voipguard.numbers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.config.VoipGuardProperties.PolicyDefaults;

/**
 * Effective settings from {@code number_settings}: each empty column is replaced by the default
 * from {@code batch-config}, and a number never imported gets the defaults throughout.
 */
@Repository
public class JdbcNumberDirectory implements NumberDirectory {

    /**
     * Numbers per query. Every query has exactly this many parameters (a short last batch
     * repeats its last number), so the database parses the statement once and reuses it; and
     * a short IN list keeps the per-row check of the list cheap.
     */
    static final int MAX_NUMBERS_PER_QUERY = 128;

    private static final String SELECT = "SELECT number, login, number_email, login_email, national_limit_ppm,"
            + " international_limit_ppm, ip_access_list, ip_agent_notify, bill_warning_level_gbp,"
            + " auto_warning_level_gbp FROM number_settings WHERE number IN (:numbers)";

    private final NamedParameterJdbcTemplate jdbc;
    private final PolicyDefaults defaults;

    public JdbcNumberDirectory(NamedParameterJdbcTemplate jdbc, VoipGuardProperties properties) {
        this.jdbc = jdbc;
        this.defaults = properties.defaults();
    }

    @Override
    public NumberSettings find(String number) {
        return findAll(List.of(number)).get(number);
    }

    @Override
    public Map<String, NumberSettings> findAll(Collection<String> numbers) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(numbers));
        Map<String, NumberSettings> stored = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += MAX_NUMBERS_PER_QUERY) {
            List<String> chunk = padded(distinct.subList(from, Math.min(from + MAX_NUMBERS_PER_QUERY, distinct.size())));
            jdbc.query(SELECT, Map.of("numbers", chunk), (ResultSet rs) -> {
                NumberSettings settings = fromRow(rs);
                stored.put(settings.number(), settings);
            });
        }
        Map<String, NumberSettings> result = new LinkedHashMap<>();
        for (String number : distinct) {
            result.put(number, stored.getOrDefault(number, defaultsFor(number)));
        }
        return result;
    }

    private static List<String> padded(List<String> numbers) {
        if (numbers.size() == MAX_NUMBERS_PER_QUERY) {
            return numbers;
        }
        List<String> padded = new ArrayList<>(MAX_NUMBERS_PER_QUERY);
        padded.addAll(numbers);
        while (padded.size() < MAX_NUMBERS_PER_QUERY) {
            padded.add(numbers.get(numbers.size() - 1));
        }
        return padded;
    }

    /** The settings of a number that was never imported. */
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
                rs.getBigDecimal("auto_warning_level_gbp"), defaults);
    }

    private static IpAccessList accessList(String number, String text) {
        try {
            return IpAccessList.parse(text);
        } catch (InvalidAccessListException e) {
            // Validated on import; a list that no longer parses must never become "no restriction".
            throw new IllegalStateException("stored IP access list of " + number + " is invalid: "
                    + e.getMessage(), e);
        }
    }
}
