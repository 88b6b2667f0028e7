package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.voipguard.config.VoipGuardProperties.PolicyDefaults;
import org.voipguard.numbers.InMemoryNumberDirectory;
import org.voipguard.config.NotifyMode;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;

class PriceLimitsTest {

    private static final PolicyDefaults DEFAULTS = new PolicyDefaults(new BigDecimal("20"), new BigDecimal("2"),
            new BigDecimal("10.00"), new BigDecimal("1.2"), NotifyMode.NEW_IP_OR_AGENT);

    private final ReadCountingDirectory directory = new ReadCountingDirectory(new InMemoryNumberDirectory(List.of(),
            DEFAULTS));

    @Test
    void aNumberIsReadOnceForTheWholeImport() {
        PriceLimits limits = new PriceLimits(directory, 10);

        limits.of(List.of("+441632960001", "+441632960002", "+441632960001"));
        Map<String, PriceLimits.Limits> second = limits.of(List.of("+441632960002", "+441632960003"));

        assertThat(directory.read).containsExactly("+441632960001", "+441632960002", "+441632960003");
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

        assertThat(directory.read).containsExactly("+441632960001", "+441632960002", "+441632960003",
                "+441632960002");
    }

    /** The directory, recording which numbers were read from it. */
    private static final class ReadCountingDirectory implements NumberDirectory {

        private final NumberDirectory directory;
        private final List<String> read = new ArrayList<>();

        ReadCountingDirectory(NumberDirectory directory) {
            this.directory = directory;
        }

        @Override
        public NumberSettings find(String number) {
            read.add(number);
            return directory.find(number);
        }

        @Override
        public Map<String, NumberSettings> findAll(Collection<String> numbers) {
            Map<String, NumberSettings> found = directory.findAll(numbers);
            read.addAll(found.keySet());
            return found;
        }
    }
}
