package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.voipguard.config.VoipGuardProperties.PolicyDefaults;
import org.voipguard.numbers.InMemoryNumberDirectory;
import org.voipguard.numbers.IpAccessList;
import org.voipguard.config.NotifyMode;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.support.ReadCountingDirectory;

class PriceLimitsTest {

    private static final PolicyDefaults DEFAULTS = new PolicyDefaults(new BigDecimal("20"), new BigDecimal("2"),
            new BigDecimal("10.00"), new BigDecimal("1.2"), NotifyMode.NEW_IP_OR_AGENT);

    private static final String STORED = "+441632960100";
    private static final String ALSO_STORED = "+441632960101";

    private final ReadCountingDirectory directory = new ReadCountingDirectory(new InMemoryNumberDirectory(
            List.of(stored(STORED, "35", "night"), stored(ALSO_STORED, "40", null)), DEFAULTS));

    @Test
    void aNumberIsReadOnceForTheWholeImport() {
        PriceLimits limits = new PriceLimits(directory, 10);

        limits.of(List.of("+441632960001", "+441632960002", "+441632960001"));
        Map<String, PriceLimits.Limits> second = limits.of(List.of("+441632960002", "+441632960003"));

        assertThat(directory.read()).containsExactly("+441632960001", "+441632960002", "+441632960003");
        assertThat(second.get("+441632960003").nationalPpm()).isEqualByComparingTo("20");
        assertThat(second.get("+441632960003").internationalPpm()).isEqualByComparingTo("2");
    }

    @Test
    void theLeastRecentlyUsedNumberIsForgottenBeyondTheCapacity() {
        PriceLimits limits = new PriceLimits(directory, 2);

        limits.of(List.of("+441632960001", "+441632960002"));
        limits.of(List.of("+441632960001"));
        limits.of(List.of("+441632960003"));
        limits.of(List.of("+441632960001", "+441632960002"));

        assertThat(directory.read()).containsExactly("+441632960001", "+441632960002", "+441632960003",
                "+441632960002");
    }

    @Test
    void pastTheNumbersReadChunkByChunkEveryStoredNumberIsReadInOnePassAndNoMoreAsked() {
        PriceLimits limits = new PriceLimits(directory, 10, 2);
        limits.of(List.of("+441632960001", "+441632960002"));

        Map<String, PriceLimits.Limits> third = limits.of(List.of(STORED, "+441632960003"));
        Map<String, PriceLimits.Limits> fourth = limits.of(List.of("+441632960001", "+441632960004"));

        assertThat(directory.read()).containsExactly("+441632960001", "+441632960002");
        assertThat(directory.passes()).isEqualTo(1);
        assertThat(third.get(STORED)).isEqualTo(new PriceLimits.Limits(new BigDecimal("35"), new BigDecimal("7"),
                "night"));
        assertThat(third.get("+441632960003").nationalPpm()).isEqualByComparingTo("20");
        assertThat(fourth).containsOnlyKeys("+441632960001", "+441632960004");
        assertThat(fourth.get("+441632960004").internationalPpm()).isEqualByComparingTo("2");
    }

    @Test
    void aNumberWithSeveralCallsInAChunkCountsOnceTowardsThePass() {
        PriceLimits limits = new PriceLimits(directory, 10, 2);

        limits.of(List.of("+441632960001", "+441632960001"));
        limits.of(List.of("+441632960002"));

        assertThat(directory.passes()).isZero();
        assertThat(directory.read()).containsExactly("+441632960001", "+441632960002");
    }

    @Test
    void storedNumbersBeyondTheCapacityAreStillReadChunkByChunk() {
        PriceLimits limits = new PriceLimits(directory, 1, 1);  // two numbers are stored

        limits.of(List.of("+441632960001", "+441632960002"));
        Map<String, PriceLimits.Limits> second = limits.of(List.of(STORED));
        limits.of(List.of("+441632960003"));

        assertThat(directory.read()).containsExactly("+441632960001", "+441632960002", STORED, "+441632960003");
        assertThat(directory.passes()).isZero();
        assertThat(directory.counted()).isEqualTo(1);
        assertThat(second.get(STORED).nationalPpm()).isEqualByComparingTo("35");
    }

    private static NumberSettings stored(String number, String nationalPpm, String profile) {
        return new NumberSettings(number, "acme", null, null, new BigDecimal(nationalPpm), new BigDecimal("7"),
                IpAccessList.empty(), NotifyMode.NEW_IP_OR_AGENT, new BigDecimal("10.00"), false, profile);
    }
}
