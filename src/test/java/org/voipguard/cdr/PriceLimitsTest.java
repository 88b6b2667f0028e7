package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.voipguard.config.NotifyMode;
import org.voipguard.config.VoipGuardProperties.PolicyDefaults;
import org.voipguard.numbers.InMemoryNumberDirectory;
import org.voipguard.numbers.IpAccessList;
import org.voipguard.numbers.NumberSettings;

class PriceLimitsTest {

    private static final PolicyDefaults DEFAULTS = new PolicyDefaults(new BigDecimal("20"), new BigDecimal("2"),
            new BigDecimal("10.00"), new BigDecimal("1.2"), NotifyMode.NEW_IP_OR_AGENT);

    private static final String STORED = "+441632960100";
    private static final String NOT_STORED = "+441632960001";

    @Test
    void aStoredNumberHasItsOwnLimitsAndProfileAndAnyOtherTheDefaults() {
        // given one number with settings of its own
        PriceLimits limits = new PriceLimits(new InMemoryNumberDirectory(List.of(stored(STORED)), DEFAULTS), 10);

        // when the limits of it and of a number without settings are asked for
        Map<String, PriceLimits.Limits> found = limits.of(List.of(STORED, NOT_STORED));

        // then each has its limits in pence per minute and its threshold profile
        assertThat(found.get(STORED)).isEqualTo(new PriceLimits.Limits(new BigDecimal("35"), new BigDecimal("7"),
                "night"));
        assertThat(found.get(NOT_STORED).nationalPpm()).isEqualByComparingTo("20");
        assertThat(found.get(NOT_STORED).internationalPpm()).isEqualByComparingTo("2");
        assertThat(found.get(NOT_STORED).thresholdProfile()).isEqualTo(NumberSettings.DEFAULT_PROFILE);
    }

    private static NumberSettings stored(String number) {
        return new NumberSettings(number, "acme", null, null, new BigDecimal("35"), new BigDecimal("7"),
                IpAccessList.empty(), NotifyMode.NEW_IP_OR_AGENT, new BigDecimal("10.00"), false, "night");
    }
}
