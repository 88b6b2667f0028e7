package org.voipguard.numbers;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * What the control page shows for one number: its effective settings, the phones registered
 * now, this month's spend with the next warning level, its most recent alerts and the emails
 * the mail server refused for good.
 * Text that came from the network is stored here as received; print it through a cleaner.
 */
public record NumberOverview(
        NumberSettings settings,
        List<RegisteredPhone> registeredPhones,
        YearMonth month,
        BigDecimal monthSpendGbp,
        int warnedMultiple,
        List<RecentAlert> recentAlerts,
        List<FailedEmail> failedEmails) {

    public NumberOverview {
        registeredPhones = List.copyOf(registeredPhones);
        recentAlerts = List.copyOf(recentAlerts);
        failedEmails = List.copyOf(failedEmails);
    }

    /** The spend at which the next bill warning goes out: the next multiple of the level above the last warned. */
    public BigDecimal nextWarningGbp() {
        return settings.billWarningLevelGbp().multiply(BigDecimal.valueOf(warnedMultiple + 1L));
    }

    public record RegisteredPhone(String sourceIp, int sourcePort, String transport, String userAgent,
            OffsetDateTime registeredAt, OffsetDateTime expiresAt) {
    }

    /** An email refused for good: its recipients as stored (comma separated) and the server's words. */
    public record FailedEmail(OffsetDateTime createdAt, String alertType, String recipients, String reason) {
    }

    public record RecentAlert(OffsetDateTime createdAt, String alertType, String ruleName, String rulesetVersion,
            String facts) {
    }
}
