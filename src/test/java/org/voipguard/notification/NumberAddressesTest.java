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
import org.voipguard.support.ReadCountingDirectory;

class NumberAddressesTest {

    private static final PolicyDefaults DEFAULTS = new PolicyDefaults(new BigDecimal("20"), new BigDecimal("2"),
            new BigDecimal("10.00"), new BigDecimal("1.2"), NotifyMode.NEW_IP_OR_AGENT);

    private static final String STORED = "+441632960100";
    private static final String ALSO_STORED = "+441632960101";
    private static final String NOT_STORED = "+441632960001";

    private final ReadCountingDirectory directory = new ReadCountingDirectory(new InMemoryNumberDirectory(
            List.of(stored(STORED, "desk@example.com", "billing@example.com"),
                    stored(ALSO_STORED, "other@example.com", null)), DEFAULTS));

    @Test
    void aSmallRunReadsEachPagesNumbersAndNeverAllOfThem() {
        // given a run that may read page by page up to three numbers
        NumberAddresses addresses = new NumberAddresses(directory, 10, 3);

        // when two pages name three numbers in all
        Map<String, NumberAddresses.Addresses> first = addresses.of(List.of(STORED, NOT_STORED, STORED));
        addresses.of(List.of(ALSO_STORED));

        // then each was read with its page, and every stored number never was
        assertThat(directory.read()).containsExactly(STORED, NOT_STORED, ALSO_STORED);
        assertThat(directory.passes()).isZero();
        assertThat(first.get(STORED)).isEqualTo(new NumberAddresses.Addresses(STORED, "desk@example.com",
                "billing@example.com"));
        assertThat(first.get(NOT_STORED).numberEmail()).isNull();
    }

    @Test
    void pastThePagesNumbersEveryStoredNumberIsReadInOnePassAndNoMoreAsked() {
        // given a run that may read page by page up to two numbers
        NumberAddresses addresses = new NumberAddresses(directory, 10, 2);
        addresses.of(List.of(NOT_STORED, "+441632960002"));

        // when the next pages name more
        Map<String, NumberAddresses.Addresses> third = addresses.of(List.of(STORED, "+441632960003"));
        Map<String, NumberAddresses.Addresses> fourth = addresses.of(List.of(ALSO_STORED, "+441632960004"));

        // then every stored number was read once, and numbers without settings get the defaults' addresses
        assertThat(directory.read()).containsExactly(NOT_STORED, "+441632960002");
        assertThat(directory.passes()).isEqualTo(1);
        assertThat(third.get(STORED).loginEmail()).isEqualTo("billing@example.com");
        assertThat(third.get("+441632960003")).isEqualTo(new NumberAddresses.Addresses("+441632960003", null, null));
        assertThat(fourth).containsOnlyKeys(ALSO_STORED, "+441632960004");
        assertThat(fourth.get(ALSO_STORED).numberEmail()).isEqualTo("other@example.com");
    }

    @Test
    void storedNumbersBeyondTheCapacityAreStillReadPageByPage() {
        // given two stored numbers, and a run that may hold the addresses of one
        NumberAddresses addresses = new NumberAddresses(directory, 1, 1);

        // when its pages name more numbers than it may read page by page
        addresses.of(List.of(NOT_STORED, "+441632960002"));
        Map<String, NumberAddresses.Addresses> second = addresses.of(List.of(STORED));

        // then it counted the stored numbers once, and went on page by page
        assertThat(directory.read()).containsExactly(NOT_STORED, "+441632960002", STORED);
        assertThat(directory.passes()).isZero();
        assertThat(directory.counted()).isEqualTo(1);
        assertThat(second.get(STORED).numberEmail()).isEqualTo("desk@example.com");
    }

    private static NumberSettings stored(String number, String numberEmail, String loginEmail) {
        return new NumberSettings(number, "acme", numberEmail, loginEmail, new BigDecimal("35"), new BigDecimal("7"),
                IpAccessList.empty(), NotifyMode.NEW_IP_OR_AGENT, new BigDecimal("10.00"), false, null);
    }
}
