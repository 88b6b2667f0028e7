package org.voipguard.housekeeping;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.voipguard.billing.SpendLedger;
import org.voipguard.cdr.CallStore;
import org.voipguard.blocklist.AddressBans;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.registration.AbuseWindowStore;
import org.voipguard.notification.AlertStore;
import org.voipguard.registration.RegistrationEventStore;

/**
 * Drops stored rows older than their retention period ({@code voipguard.retention}), never
 * what is still needed: CDRs of a month that is not closed (its bill is still to be made) or
 * whose charge is not in the monthly spend yet, registration events not evaluated yet, alerts
 * not composed yet or whose email is still pending, and emails an alert still points to. Each
 * table is asked of the package that keeps it.
 */
@Component
public class Retention {

    private final CallStore calls;
    private final SpendLedger ledger;
    private final RegistrationEventStore events;
    private final AlertStore alerts;
    private final AbuseWindowStore abuseWindows;
    private final AddressBans bans;
    private final VoipGuardProperties.Retention periods;

    public Retention(CallStore calls, SpendLedger ledger, RegistrationEventStore events, AlertStore alerts,
            AbuseWindowStore abuseWindows, AddressBans bans, VoipGuardProperties properties) {
        this.abuseWindows = abuseWindows;
        this.bans = bans;
        this.calls = calls;
        this.ledger = ledger;
        this.events = events;
        this.alerts = alerts;
        this.periods = properties.retention();
    }

    /** What one pass removed, and the old CDRs it kept because their month is open. */
    public record Removed(int cdrs, int cdrsKeptForOpenMonths, int registrationEvents, int alerts, int emails) {

        /** E.g. {@code removed 120 CDRs, 40 registration events, 5 alerts, 2 emails past retention}. */
        public String summary() {
            return "removed %d CDRs, %d registration events, %d alerts, %d emails past retention%s".formatted(cdrs,
                    registrationEvents, alerts, emails, cdrsKeptForOpenMonths == 0 ? ""
                            : " (kept " + cdrsKeptForOpenMonths + " older CDRs of months not closed yet)");
        }
    }

    public Removed apply(Instant now) {
        CallStore.Dropped cdrs = calls.dropBefore(now.minus(periods.cdrs()), ledger.closedMonths());
        int registrationEvents = events.dropEvaluatedBefore(now.minus(periods.registrationEvents()));
        AlertStore.Dropped done = alerts.dropDoneBefore(now.minus(periods.alerts()));
        // the abuse checks' windows once empty and out of their quiet period, and the bans that ended
        abuseWindows.dropUselessBefore(now);
        bans.dropEndedBefore(now);
        return new Removed(cdrs.dropped(), cdrs.keptForOpenMonths(), registrationEvents, done.alerts(), done.emails());
    }
}
