package org.voipguard.registration;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.PlausibleTimes;
import org.voipguard.registration.asterisk.AsteriskLogParser;
import org.voipguard.registration.asterisk.AsteriskSecurityLogParser;
import org.voipguard.registration.kamailio.KamailioRegisterLogParser;

/**
 * The line parser of each {@link LogFormat}, with what the switch formats need besides the
 * line: the plausible times, the zone of local times ({@code voipguard.time-zone}), the country
 * of national numbers ({@code voipguard.default-country}) and the clock that infers a year.
 */
@Component
public class RegistrationParsers {

    private final PlausibleTimes plausibleTimes;
    private final ZoneId zone;
    private final SubscriberNumbers numbers;
    private final Clock clock;

    @Autowired
    public RegistrationParsers(PlausibleTimes plausibleTimes, VoipGuardProperties properties) {
        this(plausibleTimes, properties.timeZone(), properties.defaultCountry(), Clock.systemUTC());
    }

    public RegistrationParsers(PlausibleTimes plausibleTimes, ZoneId zone, String defaultCountry, Clock clock) {
        this.plausibleTimes = plausibleTimes;
        this.zone = zone;
        this.numbers = new SubscriberNumbers(defaultCountry);
        this.clock = clock;
    }

    /** Believes any time, local times in UTC, national numbers British: for the analysts' scenarios. */
    public static RegistrationParsers believingAnyTime() {
        return new RegistrationParsers(PlausibleTimes.any(), ZoneOffset.UTC, "GB", Clock.systemUTC());
    }

    public RegistrationLineParser forFormat(LogFormat format) {
        return switch (format) {
            case CSV -> new RegistrationCsvLineParser(plausibleTimes);
            case ASTERISK_SECURITY -> new AsteriskSecurityLogParser(plausibleTimes);
            case ASTERISK_LOG -> new AsteriskLogParser(plausibleTimes, zone, numbers, clock);
            case KAMAILIO -> new KamailioRegisterLogParser(plausibleTimes, numbers);
        };
    }
}
