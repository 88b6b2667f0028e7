package org.voipguard.numbers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;

/** Reads the control-page view of one number. */
@Component
public class NumberOverviewQuery {

    static final int RECENT_ALERTS = 10;
    static final int FAILED_EMAILS = 10;

    private static final String PHONES = "SELECT source_ip, source_port, transport, user_agent, registered_at,"
            + " expires_at FROM registered_phone WHERE number = :number AND expires_at > :now"
            + " ORDER BY registered_at, source_ip, source_port, transport";
    private static final String SPEND = "SELECT spend_gbp, warned_multiple FROM monthly_spend"
            + " WHERE number = :number AND billing_month = :month";
    private static final String ALERTS = "SELECT created_at, alert_type, rule_name, ruleset_version, facts"
            + " FROM alert WHERE number = :number ORDER BY created_at DESC, id DESC FETCH FIRST "
            + RECENT_ALERTS + " ROWS ONLY";

    private static final String FAILED = "SELECT created_at, alert_type, recipients, failure_reason FROM email_outbox"
            + " WHERE number = :number AND status = 'FAILED' ORDER BY id DESC FETCH FIRST " + FAILED_EMAILS
            + " ROWS ONLY";

    private final NamedParameterJdbcTemplate jdbc;
    private final NumberDirectory directory;
    private final ZoneId timeZone;

    public NumberOverviewQuery(NamedParameterJdbcTemplate jdbc, NumberDirectory directory,
            VoipGuardProperties properties) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.timeZone = properties.timeZone();
    }

    /** The overview as of {@code now}; empty when the number was never imported. */
    public Optional<NumberOverview> find(String number, Instant now) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM number_settings WHERE number = :number",
                Map.of("number", number), Integer.class);
        if (known == null || known == 0) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.from(now.atZone(timeZone));
        Map<String, Object> parameters = Map.of("number", number, "now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                "month", month.toString());
        List<NumberOverview.RegisteredPhone> phones = jdbc.query(PHONES, parameters,
                (rs, i) -> new NumberOverview.RegisteredPhone(rs.getString("source_ip"), rs.getInt("source_port"),
                        rs.getString("transport"), rs.getString("user_agent"),
                        rs.getObject("registered_at", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class)));
        List<Spend> spend = jdbc.query(SPEND, parameters,
                (rs, i) -> new Spend(rs.getBigDecimal("spend_gbp"), rs.getInt("warned_multiple")));
        List<NumberOverview.RecentAlert> alerts = jdbc.query(ALERTS, parameters,
                (rs, i) -> new NumberOverview.RecentAlert(rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("alert_type"), rs.getString("rule_name"), rs.getString("ruleset_version"),
                        rs.getString("facts")));
        List<NumberOverview.FailedEmail> failedEmails = jdbc.query(FAILED, parameters,
                (rs, i) -> new NumberOverview.FailedEmail(rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("alert_type"), rs.getString("recipients"), rs.getString("failure_reason")));
        Spend monthSpend = spend.isEmpty() ? new Spend(BigDecimal.ZERO, 0) : spend.get(0);
        return Optional.of(new NumberOverview(directory.find(number), phones, month, monthSpend.gbp(),
                monthSpend.warnedMultiple(), alerts, failedEmails));
    }

    private record Spend(BigDecimal gbp, int warnedMultiple) {
    }
}
