package org.voipguard.numbers;

import org.voipguard.config.NotifyMode;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.voipguard.config.VoipGuardProperties.PolicyDefaults;

/**
 * A number's effective settings: its own values, and the configured default for every empty
 * one. The directory reads them from the database; a rule scenario gives them as rows of the
 * settings CSV, checked the way {@code numbers import} checks them.
 */
public final class EffectiveSettings {

    private EffectiveSettings() {
    }

    /** The settings of a number that was never imported. */
    public static NumberSettings defaults(String number, PolicyDefaults defaults) {
        return new NumberSettings(number, "", null, null, defaults.nationalLimitPpm(),
                defaults.internationalLimitPpm(), IpAccessList.empty(), defaults.ipAgentNotify(),
                defaults.billWarningLevelGbp(), false, NumberSettings.DEFAULT_PROFILE);
    }

    /**
     * The settings of one settings-CSV row, given as column name to cell; a missing column is
     * an empty cell. {@code login} may be left out: it then defaults to the number.
     *
     * @throws IllegalArgumentException naming each bad field and why
     */
    public static NumberSettings fromRow(Map<String, String> cells, PolicyDefaults defaults) {
        Map<String, String> row = new HashMap<>();
        SettingsRowValidator.ALL_COLUMNS.forEach(column -> row.put(column, cells.getOrDefault(column, "").strip()));
        cells.keySet().stream().filter(column -> !SettingsRowValidator.ALL_COLUMNS.contains(column)).findFirst()
                .ifPresent(column -> {
                    throw new IllegalArgumentException("unknown settings column \"" + column + "\" (the columns are "
                            + String.join(",", SettingsRowValidator.ALL_COLUMNS) + ")");
                });
        if (row.get(SettingsRowValidator.LOGIN).isEmpty()) {
            row.put(SettingsRowValidator.LOGIN, row.get(SettingsRowValidator.NUMBER));
        }
        SettingsRowValidator.Result result = new SettingsRowValidator().validate(row);
        if (!result.isValid()) {
            throw new IllegalArgumentException(result.problems().stream().map(p -> p.field() + ": " + p.reason())
                    .collect(Collectors.joining("; ")));
        }
        SettingsRow valid = result.row();
        try {
            return of(valid.number(), valid.login(), valid.numberEmail(), valid.loginEmail(),
                    valid.nationalLimitPpm(), valid.internationalLimitPpm(), IpAccessList.parse(valid.ipAccessList()),
                    valid.ipAgentNotify(), valid.billWarningLevelGbp(), null, valid.thresholdProfile(), defaults);
        } catch (InvalidAccessListException e) {
            throw new IllegalArgumentException("ip_access_list: " + e.getMessage(), e);
        }
    }

    /**
     * Settings from stored values, {@code null} meaning not set. The warning level is the
     * customer's own, else the automatic one month-end set, else the default.
     */
    static NumberSettings of(String number, String login, String numberEmail, String loginEmail,
            BigDecimal nationalLimitPpm, BigDecimal internationalLimitPpm, IpAccessList accessList,
            NotifyMode ipAgentNotify, BigDecimal customerLevelGbp, BigDecimal autoLevelGbp, String thresholdProfile,
            PolicyDefaults defaults) {
        BigDecimal level = customerLevelGbp != null ? customerLevelGbp
                : autoLevelGbp != null ? autoLevelGbp : defaults.billWarningLevelGbp();
        return new NumberSettings(number, login, numberEmail, loginEmail,
                nationalLimitPpm != null ? nationalLimitPpm : defaults.nationalLimitPpm(),
                internationalLimitPpm != null ? internationalLimitPpm : defaults.internationalLimitPpm(),
                accessList, ipAgentNotify != null ? ipAgentNotify : defaults.ipAgentNotify(), level,
                customerLevelGbp != null, thresholdProfile != null ? thresholdProfile : NumberSettings.DEFAULT_PROFILE);
    }
}
