package org.voipguard.numbers;

import org.voipguard.config.NotifyMode;

import java.math.BigDecimal;

/**
 * The effective settings of one number: every empty cell already replaced by the default
 * from {@code batch-config}. Email addresses are {@code null} when none is set; the threshold
 * profile is {@value #DEFAULT_PROFILE} when none is set.
 */
public record NumberSettings(
        String number,
        String login,
        String numberEmail,
        String loginEmail,
        BigDecimal nationalLimitPpm,
        BigDecimal internationalLimitPpm,
        IpAccessList accessList,
        NotifyMode ipAgentNotify,
        BigDecimal billWarningLevelGbp,
        boolean warningLevelSetByCustomer,
        String thresholdProfile) {

    /** The profile of the thresholds file that applies to a number whose cell is empty. */
    public static final String DEFAULT_PROFILE = "default";
}
