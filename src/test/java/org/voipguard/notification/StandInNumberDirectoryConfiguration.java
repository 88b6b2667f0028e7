package org.voipguard.notification;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.numbers.IpAccessList;
import org.voipguard.numbers.NotifyMode;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;

/**
 * Test support only: a stand-in {@link NumberDirectory} that reads the addresses from
 * {@code number_settings}, for as long as the real {@code JdbcNumberDirectory} is not on the
 * classpath. Once it is, this configuration switches itself off and the tests use the real one.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnMissingClass("org.voipguard.numbers.JdbcNumberDirectory")
class StandInNumberDirectoryConfiguration {

    @Bean
    NumberDirectory standInNumberDirectory(JdbcTemplate jdbc) {
        return new NumberDirectory() {
            @Override
            public NumberSettings find(String number) {
                return findAll(List.of(number)).get(number);
            }

            @Override
            public Map<String, NumberSettings> findAll(Collection<String> numbers) {
                Map<String, NumberSettings> result = new LinkedHashMap<>();
                for (String number : numbers) {
                    List<NumberSettings> stored = jdbc.query(
                            "SELECT login, number_email, login_email FROM number_settings WHERE number = ?",
                            (rs, row) -> settings(number, rs.getString(1), rs.getString(2), rs.getString(3)),
                            number);
                    result.put(number, stored.isEmpty() ? settings(number, "", null, null) : stored.get(0));
                }
                return result;
            }
        };
    }

    private static NumberSettings settings(String number, String login, String numberEmail, String loginEmail) {
        return new NumberSettings(number, login, numberEmail, loginEmail, new BigDecimal("20"), new BigDecimal("2"),
                IpAccessList.empty(), NotifyMode.NEW_IP_OR_AGENT, new BigDecimal("10.00"), false);
    }
}
