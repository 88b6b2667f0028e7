package org.voipguard.overview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.voipguard.billing.SpendLedger;
import org.voipguard.billing.SpendRow;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.notification.AlertFacts;
import org.voipguard.notification.AlertStore;
import org.voipguard.notification.RefusedEmails;
import org.voipguard.numbers.JdbcNumberDirectory;
import org.voipguard.numbers.NumberOverview;
import org.voipguard.numbers.NumberOverviews;
import org.voipguard.registration.RegisteredPhones;

/**
 * The control-page view of one number, asked of the packages that keep each part: its
 * settings, the phones registered now, this month's spend, its recent alerts and the emails
 * the mail server refused.
 */
@Component
public class NumberOverviewQuery implements NumberOverviews {

    private final JdbcNumberDirectory directory;
    private final RegisteredPhones phones;
    private final SpendLedger spend;
    private final AlertStore alerts;
    private final RefusedEmails refusedEmails;
    private final VoipGuardProperties properties;

    public NumberOverviewQuery(JdbcNumberDirectory directory, RegisteredPhones phones, SpendLedger spend,
            AlertStore alerts, RefusedEmails refusedEmails, VoipGuardProperties properties) {
        this.directory = directory;
        this.phones = phones;
        this.spend = spend;
        this.alerts = alerts;
        this.refusedEmails = refusedEmails;
        this.properties = properties;
    }

    @Override
    public Optional<NumberOverview> find(String number, Instant now) {
        if (!directory.isKnown(number)) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.from(now.atZone(properties.timeZone()));
        Optional<SpendRow> monthSpend = spend.spendOf(number, month.toString());
        return Optional.of(new NumberOverview(directory.find(number), phones.registeredAt(number, now), month,
                monthSpend.map(SpendRow::spendGbp).orElse(BigDecimal.ZERO),
                monthSpend.map(SpendRow::warnedMultiple).orElse(0),
                alerts.recent(number, RECENT_ALERTS).stream()
                        .map(alert -> new NumberOverview.RecentAlert(alert.createdAt().atOffset(ZoneOffset.UTC), alert.type(), alert.ruleName(),
                                alert.ruleSetVersion(), AlertFacts.encode(alert.facts())))
                        .toList(),
                refusedEmails.latest(number, FAILED_EMAILS)));
    }
}
