package org.voipguard.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the customer emails. Subjects are built from the alert type, the number and
 * fixed text only. Bodies are plain text: what happened, the facts, what to do; every fact
 * name and value passes through {@link SafeText} first.
 */
final class AlertEmailText {

    /** A rate-limit email lists at most this many calls; the rest are counted. */
    static final int MAX_LISTED = 50;

    private static final String RATE_LIMIT_EXCEEDED = "RATE_LIMIT_EXCEEDED";
    private static final String LOCKDOWN_BLOCKED = "LOCKDOWN_BLOCKED";
    private static final String BILL_WARNING = "BILL_WARNING";
    private static final String NEW_IP = "NEW_IP";
    private static final String NEW_USER_AGENT = "NEW_USER_AGENT";
    private static final String NEW_IP_AND_USER_AGENT = "NEW_IP_AND_USER_AGENT";

    private static final int LABEL_WIDTH = 26;

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("call_id", "Call reference"),
            Map.entry("start_time", "Started"),
            Map.entry("dialled", "Number dialled"),
            Map.entry("class", "Call type"),
            Map.entry("price_ppm", "Price (pence per minute)"),
            Map.entry("limit_ppm", "Your limit (pence/minute)"),
            Map.entry("month", "Month"),
            Map.entry("spend_gbp", "Spent so far (GBP)"),
            Map.entry("warning_level_gbp", "Your warning level (GBP)"),
            Map.entry("level_reached_gbp", "Level reached (GBP)"),
            Map.entry("time", "Time"),
            Map.entry("event_time", "Time"),
            Map.entry("source_ip", "IP address"),
            Map.entry("source_port", "Port"),
            Map.entry("transport", "Transport"),
            Map.entry("user_agent", "User-Agent"),
            Map.entry("access_list", "Your IP access list"),
            Map.entry("numbers_tried", "Numbers tried"),
            Map.entry("numbers", "Numbers"),
            Map.entry("first_time", "First"),
            Map.entry("last_time", "Last"),
            Map.entry("address_count", "Addresses"),
            Map.entry("addresses", "From addresses"),
            Map.entry("severity", "Severity"),
            Map.entry("calls", "Calls counted"),
            Map.entry("minutes", "Minutes"),
            Map.entry("warning_at", "Warning from"),
            Map.entry("critical_at", "Critical from"),
            Map.entry("window", "Counted"),
            Map.entry("first_call", "First call"),
            Map.entry("last_call", "Highest count at"),
            Map.entry("prefix", "Dialled numbers starting"),
            Map.entry("profile", "Threshold profile"));

    /** The call-pattern checks, in the words of an email's first sentence. */
    private static final Map<String, String> CALL_PATTERNS = Map.of(
            "CALL_RATE", "started more calls within a minute",
            "CONCURRENT_CALLS", "had more calls in progress at the same time",
            "SEQUENTIAL_CALLS", "called the same number more times in a row",
            "LONG_CALL", "made a call that lasted longer",
            "DAILY_CALLS", "made more calls in one day");

    private AlertEmailText() {
    }

    static String subject(String type, String number) {
        switch (type) {
            case RATE_LIMIT_EXCEEDED:
                return "VoIPGuard: calls from " + number + " went over your price limit";
            case LOCKDOWN_BLOCKED:
                return "VoIPGuard: blocked registration on " + number + " - your SIP password may be known";
            case BILL_WARNING:
                return "VoIPGuard: bill warning for " + number;
            case NEW_IP:
                return "VoIPGuard: new IP address registered on " + number;
            case NEW_USER_AGENT:
                return "VoIPGuard: new phone software (User-Agent) registered on " + number;
            case NEW_IP_AND_USER_AGENT:
                return "VoIPGuard: new IP address and User-Agent registered on " + number;
            default:
                return "VoIPGuard: " + inWords(type) + " alert for " + number;
        }
    }

    /** The subject of an operators' email about an address; the address is canonical, checked by the caller. */
    static String subjectForAddress(String type, String address) {
        switch (type) {
            case "AUTH_FAILURES":
                return "VoIPGuard: failed SIP authentications from " + address;
            case "SCANNER":
                return "VoIPGuard: SIP scanner at " + address;
            default:
                return "VoIPGuard: " + inWords(type) + " alert about " + address;
        }
    }

    /** The body of an operators' email about an address. */
    static String bodyForAddress(String type, String address, Map<String, String> facts) {
        StringBuilder text = new StringBuilder("Hello,\n\n");
        switch (type) {
            case "AUTH_FAILURES" -> text.append("The address ").append(address).append("""
                     failed SIP authentication (wrong
                    passwords or unknown users) more often than the thresholds allow: someone there
                    is probably guessing passwords.
                    """);
            case "SCANNER" -> text.append("The address ").append(address).append("""
                     sent SIP requests with the User-Agent of
                    a known scanner: it is looking for accounts to break into.
                    """);
            default -> text.append("VoIPGuard raised a ").append(inWords(type)).append(" alert about the address ")
                    .append(address).append(".\n");
        }
        text.append('\n');
        appendFacts(text, type, List.of(facts));
        text.append("What to do\n\n").append("""
                'voipguard blocklist export' lists the address until its ban ends (the ban
                column of rules/thresholds.csv); load it into the firewall or the registrar.
                If the address is one of the provider's own, add it to the allowlist
                (voipguard.blocklist.allowlist-file). If a customer's equipment is behind
                it, check that equipment's passwords and firmware.

                --\s
                VoIPGuard, security monitoring for your VoIP service.
                This email was sent automatically to the operators; each alert is emailed once.
                """);
        return text.toString();
    }

    /** The body for one alert, or for the calls of one rate-limit email (one facts map per call). */
    static String body(String type, String number, List<Map<String, String>> factsOfEachAlert) {
        StringBuilder text = new StringBuilder("Hello,\n\n");
        text.append(introduction(type, number, factsOfEachAlert.size())).append('\n');
        appendFacts(text, type, factsOfEachAlert);
        text.append("What to do\n\n").append(advice(type)).append('\n');
        text.append("""
                Your control page shows this number's settings, the phones registered to it
                (with their IP address and User-Agent) and its recent alerts.

                --\s
                VoIPGuard, security monitoring for your VoIP service.
                This email was sent automatically; each alert is emailed once.
                """);
        return text.toString();
    }

    private static String introduction(String type, String number, int alerts) {
        switch (type) {
            case RATE_LIMIT_EXCEEDED:
                return (alerts == 1 ? "A call" : alerts + " calls") + " from your VoIP number " + number
                        + (alerts == 1 ? " was" : " were") + """
                         priced above the
                        per-minute limit set for that kind of call. Unexpected expensive calls,
                        above all to premium-rate or international numbers, are the usual sign
                        that someone else is using your SIP account to make calls at your cost.
                        """;
            case LOCKDOWN_BLOCKED:
                return "Someone tried to register a phone to your VoIP number " + number + """
                        
                        from an IP address that is not on the number's IP access list. They
                        used the correct SIP username and password, so they were stopped only
                        by the access list. This means someone else has your SIP password.
                        """;
            case BILL_WARNING:
                return "Calls from your VoIP number " + number + """
                         have reached your bill
                        warning level for this month.
                        """;
            case NEW_IP:
                return "A phone registered to your VoIP number " + number + """
                         from an IP address that
                        has not registered for this number before.
                        """;
            case NEW_USER_AGENT:
                return "A phone registered to your VoIP number " + number + """
                         with a User-Agent (the name
                        and version of the phone's software) not seen for this number before.
                        """;
            case NEW_IP_AND_USER_AGENT:
                return "A phone registered to your VoIP number " + number + """
                         from an IP address and
                        with a User-Agent (the name and version of the phone's software) that
                        have not been seen for this number before.
                        """;
            case "CALL_RATE", "CONCURRENT_CALLS", "SEQUENTIAL_CALLS", "LONG_CALL", "DAILY_CALLS":
                return "Your VoIP number " + number + " " + CALL_PATTERNS.get(type) + """
                         than the threshold
                        set for it. A sudden rush of calls, many calls at once or calls left
                        open for hours are how a stolen SIP account is used to make calls at
                        your cost. The severity below is WARNING or CRITICAL.
                        """;
            default:
                return "VoIPGuard raised " + (alerts == 1 ? "a " + inWords(type) + " alert" : alerts + " " + inWords(type)
                        + " alerts") + " for your VoIP number " + number + ".\n";
        }
    }

    /** An alert type an analyst's rule made up, in words: SATELLITE_CALL is "satellite call". */
    private static String inWords(String type) {
        return type.replace('_', ' ').toLowerCase(Locale.ROOT).strip();
    }

    private static String advice(String type) {
        switch (type) {
            case RATE_LIMIT_EXCEEDED:
                return """
                        If you did not make the calls above, change the SIP password of this
                        number on the control page now, update it on your own phones, and
                        consider an IP access list so that only your own equipment can
                        register. Then contact support. If the calls were yours, you can raise
                        the limit for that kind of call on the control page.
                        """;
            case LOCKDOWN_BLOCKED:
                return """
                        Change the SIP password of this number on the control page now ("Make
                        Password" generates a strong one) and update it on your own phones.
                        Keep the IP access list in place. A leaked SIP password usually comes
                        from a phone or PBX with a weak admin password or old firmware, so
                        check those too. Contact support if you need help.
                        """;
            case BILL_WARNING:
                return """
                        If this spend is what you expect, there is nothing to do; you will be
                        warned again each time the month's spend reaches the next multiple of
                        your warning level. If it is not, look for calls you did not make in
                        your call records, change the SIP password if you find any, and
                        contact support. You can change the warning level on the control page.
                        """;
            case NEW_IP:
            case NEW_USER_AGENT:
            case NEW_IP_AND_USER_AGENT:
                return """
                        If this was you (a new phone, a firmware update, a new internet
                        connection), there is nothing to do. If not, someone else may be using
                        your SIP password and could make calls at your cost: change the SIP
                        password on the control page now, update it on your own phones, and
                        consider an IP access list so that only your addresses can register.
                        The IP/Agent notification setting on the control page chooses when
                        these emails are sent.
                        """;
            case "CALL_RATE", "CONCURRENT_CALLS", "SEQUENTIAL_CALLS", "LONG_CALL", "DAILY_CALLS":
                return """
                        If these calls were not yours, change the SIP password of this number
                        on the control page now, update it on your own phones, and consider an
                        IP access list so that only your own equipment can register. Then
                        contact support. If they were yours (a busy day, a call centre), ask
                        support for a threshold profile that suits you.
                        """;
            default:
                return """
                        If this is not what you expect, check the number's settings and recent
                        calls on the control page, or contact support.
                        """;
        }
    }

    private static void appendFacts(StringBuilder text, String type, List<Map<String, String>> factsOfEachAlert) {
        if (factsOfEachAlert.size() == 1) {
            text.append("What we saw\n\n");
            appendFactLines(text, factsOfEachAlert.get(0));
            text.append('\n');
            return;
        }
        String item = RATE_LIMIT_EXCEEDED.equals(type) ? "Call" : "Alert";
        text.append("What we saw (").append(factsOfEachAlert.size()).append(' ')
                .append(item.toLowerCase(Locale.ROOT)).append("s)\n\n");
        int listed = Math.min(MAX_LISTED, factsOfEachAlert.size());
        for (int i = 0; i < listed; i++) {
            text.append(item).append(' ').append(i + 1).append(" of ").append(factsOfEachAlert.size()).append('\n');
            appendFactLines(text, factsOfEachAlert.get(i));
            text.append('\n');
        }
        if (listed < factsOfEachAlert.size()) {
            text.append("... and ").append(factsOfEachAlert.size() - listed)
                    .append(" more; your control page lists them all.\n\n");
        }
    }

    private static void appendFactLines(StringBuilder text, Map<String, String> facts) {
        if (facts.isEmpty()) {
            text.append("  (no details recorded)\n");
        }
        facts.forEach((name, value) -> {
            String label = SafeText.clean(label(name), 60) + ":";
            text.append("  ").append(label);
            text.append(" ".repeat(Math.max(1, LABEL_WIDTH + 2 - label.length())));
            text.append(SafeText.fact(value)).append('\n');
        });
    }

    private static String label(String name) {
        String known = LABELS.get(name);
        if (known != null) {
            return known;
        }
        String spaced = name.replace('_', ' ').strip();
        return spaced.isEmpty() ? "Detail" : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
