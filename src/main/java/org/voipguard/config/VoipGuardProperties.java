package org.voipguard.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.voipguard.config.NotifyMode;

/**
 * Everything an operator sets in {@code batch-config/application.yml} under {@code voipguard:}.
 * {@code operatorEmail} receives the alerts about an address rather than a number
 * ({@code AUTH_FAILURES}, {@code SCANNER}); unset, they are stored and emailed to nobody.
 * {@code importParts}: how many parts a CDR file's records and a registration log's are
 * shared out in, by number (and address), to import them side by side on that many threads.
 */
@ConfigurationProperties("voipguard")
public record VoipGuardProperties(
        @DefaultValue("./rules") Path rulesDir,
        @DefaultValue("./outbox") Path outboxDir,
        @DefaultValue("./rejects") Path rejectsDir,
        @DefaultValue("./batch-config/tariff.csv") Path tariffFile,
        @DefaultValue("Europe/London") ZoneId timeZone,
        @DefaultValue("GB") String defaultCountry,
        @DefaultValue("0.05") double maxRejectedShare,
        @DefaultValue("1000") int chunkSize,
        @DefaultValue("1") int importParts,
        @DefaultValue("65536") int maxLineLength,
        @DefaultValue PlausibleTimes plausibleTimes,
        @DefaultValue PolicyDefaults defaults,
        @DefaultValue Mail mail,
        @DefaultValue Sip sip,
        @DefaultValue Retention retention,
        @DefaultValue Rules rules,
        String operatorEmail,
        @DefaultValue Blocklist blocklist) {

    public VoipGuardProperties {
        if (importParts < 1) {
            throw new IllegalArgumentException("voipguard.import-parts must be 1 or more, not " + importParts);
        }
    }

    /**
     * The blocklist ({@code blocklist export}): {@code allowlistFile} names the provider's own
     * networks, one address or CIDR block a line, never counted by the address checks nor listed.
     */
    public record Blocklist(@DefaultValue("./batch-config/allowlist.txt") Path allowlistFile) {
    }

    /** The per-number settings a number has when its own cell is empty. */
    public record PolicyDefaults(
            @DefaultValue("20") BigDecimal nationalLimitPpm,
            @DefaultValue("2") BigDecimal internationalLimitPpm,
            @DefaultValue("10.00") BigDecimal billWarningLevelGbp,
            @DefaultValue("1.2") BigDecimal warningLevelFactor,
            @DefaultValue("NEW_IP_OR_AGENT") NotifyMode ipAgentNotify) {
    }

    /**
     * The times an input line may carry: from {@code earliest} (a day in {@code time-zone}) to
     * {@code maxAhead} after now. A line dated outside is rejected rather than billed.
     */
    public record PlausibleTimes(
            @DefaultValue("2000-01-01") LocalDate earliest,
            @DefaultValue("1d") Duration maxAhead) {
    }

    /**
     * Outgoing email. {@code connections}: SMTP connections used at once to deliver the outbox,
     * each sending many messages (1, the default, sends them one after the other).
     */
    public record Mail(
            @DefaultValue("VoIPGuard <voipguard@localhost>") String from,
            @DefaultValue("voipguard.invalid") String messageIdDomain,
            @DefaultValue("1") int connections) {
    }

    public record Sip(@DefaultValue("voipguard") String realm) {
    }

    /**
     * What the rule files may use beyond the fact types, alerts and plain values: fully qualified
     * class names, or packages (their classes and subpackages'), e.g. {@code java.util.Locale}.
     */
    public record Rules(@DefaultValue List<String> allowedTypes) {
    }

    public record Retention(
            @DefaultValue("400d") Duration cdrs,
            @DefaultValue("90d") Duration registrationEvents,
            @DefaultValue("400d") Duration alerts) {
    }
}
