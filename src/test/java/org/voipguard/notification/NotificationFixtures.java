package org.voipguard.notification;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.rules.RaisedAlert;

/** Numbers and alerts the notification tests start from. */
final class NotificationFixtures {

    static final String RULES_VERSION = "test-rules-1";

    private NotificationFixtures() {
    }

    static void givenNumber(JdbcTemplate jdbc, String number, String numberEmail, String loginEmail) {
        jdbc.update("INSERT INTO number_settings (number, login, number_email, login_email, updated_at)"
                + " VALUES (?, ?, ?, ?, ?)", number, "login-" + number.substring(1), numberEmail, loginEmail,
                OffsetDateTime.now());
    }

    static RaisedAlert rateLimitExceeded(String number, String callId, String dialled, String pricePpm) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("call_id", callId);
        facts.put("start_time", "2025-03-14T09:15:00Z");
        facts.put("dialled", dialled);
        facts.put("class", "national premium");
        facts.put("price_ppm", pricePpm);
        facts.put("limit_ppm", "20");
        return new RaisedAlert("RATE_LIMIT_EXCEEDED", number, "RATE_LIMIT_EXCEEDED:" + callId,
                "P1 national call above the number's limit", RULES_VERSION, facts);
    }

    /** A call-pattern alert; {@code severity} is stored as given, as a rule could have written it. */
    static RaisedAlert callPattern(String number, String type, String firstCallId, String severity) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("severity", severity);
        facts.put("calls", "40");
        facts.put("warning_at", "15");
        facts.put("critical_at", "30");
        facts.put("first_call", "2025-03-14T09:15:00Z");
        return new RaisedAlert(type, number, type + ":" + number + ":burst:any:" + firstCallId + ":" + severity,
                "Too many calls started within a minute", RULES_VERSION, facts);
    }

    static RaisedAlert billWarning(String number, String month, String levelReached) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("month", month);
        facts.put("spend_gbp", levelReached.replace(".00", ".40"));
        facts.put("warning_level_gbp", "10.00");
        facts.put("level_reached_gbp", levelReached);
        return new RaisedAlert("BILL_WARNING", number, "BILL_WARNING:" + number + ":" + month + ":" + levelReached,
                "P3 bill warning", RULES_VERSION, facts);
    }

    static RaisedAlert newUserAgent(String number, String userAgent) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("time", "2025-03-14T10:00:00Z");
        facts.put("source_ip", "198.51.100.7");
        facts.put("user_agent", userAgent);
        return new RaisedAlert("NEW_USER_AGENT", number, "NEW_USER_AGENT:" + number + ":" + userAgent.hashCode(),
                "P4 new User-Agent", RULES_VERSION, facts);
    }

    static RaisedAlert lockdownBlocked(String number, String sourceIp) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("time", "2025-03-14T11:00:00Z");
        facts.put("source_ip", sourceIp);
        facts.put("user_agent", "friendly-scanner");
        return new RaisedAlert("LOCKDOWN_BLOCKED", number, "LOCKDOWN_BLOCKED:" + number + ":" + sourceIp,
                "P2 registration outside the access list", RULES_VERSION, facts);
    }
}
