package org.voipguard.billing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;

/** Calendar months as the bill sees them: in the provider's time zone (Europe/London by default). */
@Component
public class BillingMonths {

    private final ZoneId zone;

    public BillingMonths(VoipGuardProperties properties) {
        this.zone = properties.timeZone();
    }

    public YearMonth of(OffsetDateTime time) {
        return YearMonth.from(time.atZoneSameInstant(zone));
    }

    public YearMonth of(Instant time) {
        return YearMonth.from(time.atZone(zone));
    }

    public YearMonth current() {
        return of(Instant.now());
    }

    public ZoneId zone() {
        return zone;
    }
}
