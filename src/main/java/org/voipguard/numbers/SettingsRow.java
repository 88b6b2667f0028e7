package org.voipguard.numbers;

import org.voipguard.config.NotifyMode;

import java.math.BigDecimal;

/** One validated row of the settings CSV; {@code null} is an empty cell, i.e. the default. */
record SettingsRow(
        String number,
        String login,
        String numberEmail,
        String loginEmail,
        BigDecimal nationalLimitPpm,
        BigDecimal internationalLimitPpm,
        String ipAccessList,
        NotifyMode ipAgentNotify,
        BigDecimal billWarningLevelGbp,
        String thresholdProfile) {
}
