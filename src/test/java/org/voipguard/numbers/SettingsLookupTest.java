package org.voipguard.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.voipguard.config.NotifyMode;
import org.voipguard.config.VoipGuardProperties.PolicyDefaults;

class SettingsLookupTest {

    private static final PolicyDefaults DEFAULTS = new PolicyDefaults(new BigDecimal("20"), new BigDecimal("2"),
            new BigDecimal("10.00"), new BigDecimal("1.2"), NotifyMode.NEW_IP_OR_AGENT);

    private static final String STORED = "+441632960100";
    private static final String ALSO_STORED = "+441632960101";

    private final ReadCountingDirectory directory = new ReadCountingDirectory(new InMemoryNumberDirectory(
            List.of(stored(STORED, "35"), stored(ALSO_STORED, "40")), DEFAULTS));

    @Test
    void aNumberIsReadOnceForTheWholeRun() {
        // given a run that may remember ten numbers
        SettingsLookup<BigDecimal> limits = lookUpNationalLimits(10, 100);

        // when two batches name a number twice and another in both
        limits.of(List.of("+441632960001", "+441632960002", "+441632960001"));
        Map<String, BigDecimal> second = limits.of(List.of("+441632960002", "+441632960003"));

        // then each was read once, and a number without settings has the defaults'
        assertThat(directory.read()).containsExactly("+441632960001", "+441632960002", "+441632960003");
        assertThat(second).containsOnlyKeys("+441632960002", "+441632960003");
        assertThat(second.get("+441632960003")).isEqualByComparingTo("20");
    }

    @Test
    void theLeastRecentlyUsedNumberIsForgottenBeyondTheCapacity() {
        // given a run that may remember two numbers
        SettingsLookup<BigDecimal> limits = lookUpNationalLimits(2, 100);

        // when a third number is read, and the first was used more recently than the second
        limits.of(List.of("+441632960001", "+441632960002"));
        limits.of(List.of("+441632960001"));
        limits.of(List.of("+441632960003"));
        limits.of(List.of("+441632960001", "+441632960002"));

        // then the second was forgotten and read again
        assertThat(directory.read()).containsExactly("+441632960001", "+441632960002", "+441632960003",
                "+441632960002");
    }

    @Test
    void pastTheNumbersReadInBatchesEveryStoredNumberIsReadInOnePassAndNoMoreAsked() {
        // given a run that may read two numbers in batches
        SettingsLookup<BigDecimal> limits = lookUpNationalLimits(10, 2);
        limits.of(List.of("+441632960001", "+441632960002"));

        // when the next batches name more
        Map<String, BigDecimal> third = limits.of(List.of(STORED, "+441632960003"));
        Map<String, BigDecimal> fourth = limits.of(List.of("+441632960001", "+441632960004"));

        // then every stored number was read once, and numbers without settings get the defaults'
        assertThat(directory.read()).containsExactly("+441632960001", "+441632960002");
        assertThat(directory.passes()).isEqualTo(1);
        assertThat(third.get(STORED)).isEqualByComparingTo("35");
        assertThat(third.get("+441632960003")).isEqualByComparingTo("20");
        assertThat(fourth).containsOnlyKeys("+441632960001", "+441632960004");
        assertThat(fourth.get("+441632960004")).isEqualByComparingTo("20");
    }

    @Test
    void aNumberNamedSeveralTimesInABatchCountsOnceTowardsThePass() {
        // given a run that may read two numbers in batches
        SettingsLookup<BigDecimal> limits = lookUpNationalLimits(10, 2);

        // when its batches name two numbers, one of them twice
        limits.of(List.of("+441632960001", "+441632960001"));
        limits.of(List.of("+441632960002"));

        // then both were read in batches, and every stored number never was
        assertThat(directory.passes()).isZero();
        assertThat(directory.read()).containsExactly("+441632960001", "+441632960002");
    }

    @Test
    void storedNumbersBeyondTheCapacityAreStillReadInBatches() {
        // given two stored numbers, and a run that may remember one and read one in batches
        SettingsLookup<BigDecimal> limits = lookUpNationalLimits(1, 1);

        // when its batches name more numbers than that
        limits.of(List.of("+441632960001", "+441632960002"));
        Map<String, BigDecimal> second = limits.of(List.of(STORED));
        limits.of(List.of("+441632960003"));

        // then it counted the stored numbers once, and went on in batches
        assertThat(directory.read()).containsExactly("+441632960001", "+441632960002", STORED, "+441632960003");
        assertThat(directory.passes()).isZero();
        assertThat(directory.counted()).isEqualTo(1);
        assertThat(second.get(STORED)).isEqualByComparingTo("35");
    }

    private SettingsLookup<BigDecimal> lookUpNationalLimits(int capacity, int readAllAfter) {
        return new SettingsLookup<>(directory, NumberSettings::nationalLimitPpm, capacity, readAllAfter);
    }

    private static NumberSettings stored(String number, String nationalPpm) {
        return new NumberSettings(number, "acme", null, null, new BigDecimal(nationalPpm), new BigDecimal("7"),
                IpAccessList.empty(), NotifyMode.NEW_IP_OR_AGENT, new BigDecimal("10.00"), false, null);
    }
}
