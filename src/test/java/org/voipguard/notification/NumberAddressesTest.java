package org.voipguard.notification;

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

class NumberAddressesTest {

    private static final PolicyDefaults DEFAULTS = new PolicyDefaults(new BigDecimal("20"), new BigDecimal("2"),
            new BigDecimal("10.00"), new BigDecimal("1.2"), NotifyMode.NEW_IP_OR_AGENT);

    private static final String STORED = "+441632960100";
    private static final String NOT_STORED = "+441632960001";

    @Test
    void aStoredNumberHasItsTwoAddressesAndANumberWithoutSettingsNone() {
        // given one number with settings of its own
        NumberAddresses addresses = new NumberAddresses(new InMemoryNumberDirectory(
                List.of(stored(STORED, "desk@example.com", "billing@example.com")), DEFAULTS));

        // when the addresses of it and of a number without settings are asked for
        Map<String, NumberAddresses.Addresses> found = addresses.of(List.of(STORED, NOT_STORED, STORED));

        // then the stored number has its own and its login's, and the other none
        assertThat(found).containsOnlyKeys(STORED, NOT_STORED);
        assertThat(found.get(STORED)).isEqualTo(new NumberAddresses.Addresses(STORED, "desk@example.com",
                "billing@example.com"));
        assertThat(found.get(NOT_STORED)).isEqualTo(new NumberAddresses.Addresses(NOT_STORED, null, null));
    }

    private static NumberSettings stored(String number, String numberEmail, String loginEmail) {
        return new NumberSettings(number, "acme", numberEmail, loginEmail, new BigDecimal("35"), new BigDecimal("7"),
                IpAccessList.empty(), NotifyMode.NEW_IP_OR_AGENT, new BigDecimal("10.00"), false, null);
    }
}
