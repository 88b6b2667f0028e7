package org.voipguard.registration.asterisk;

import static org.voipguard.registration.RegistrationFields.shown;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.voipguard.imports.PlausibleTimes;
import org.voipguard.numbers.IpAccessList;
import org.voipguard.registration.AuthResult;
import org.voipguard.registration.ParsedRegistrationLine;
import org.voipguard.registration.ParsedRegistrationLine.Parsed;
import org.voipguard.registration.ParsedRegistrationLine.Rejected;
import org.voipguard.registration.ParsedRegistrationLine.Skipped;
import org.voipguard.registration.RegistrationFields;
import org.voipguard.registration.RegistrationLineParser;
import org.voipguard.registration.RegistrationRecord;
import org.voipguard.registration.SubscriberNumbers;

/**
 * The {@code asterisk-log} format: the failed registrations in Asterisk's {@code messages} or
 * {@code full} log, the lines fail2ban's Asterisk filter reads:
 * <ul>
 * <li>chan_sip: {@code [2026-11-02 10:15:04] NOTICE[1638] chan_sip.c: Registration from
 * '<sip:441632960001@pbx.example>' failed for '198.51.100.7:5060' - Wrong password};</li>
 * <li>PJSIP: {@code [2026-11-02 10:15:04] NOTICE[11076]: res_pjsip/pjsip_distributor.c:676
 * log_failed_request: Request 'REGISTER' from '<sip:441632960001@pbx.example>' failed for
 * '198.51.100.7:5060' (callid: abc) - Failed to authenticate}.</li>
 * </ul>
 * The line starts with Asterisk's time in brackets ({@code 2026-11-02 10:15:04} or
 * {@code Nov  2 10:15:04}, local time) or with a syslog prefix ({@code Nov  4 18:30:40 pbx
 * asterisk[32229]: NOTICE[32257]: chan_sip.c:23417 in handle_request_register: …}). The number
 * is the user of the SIP URI, as E.164 ({@link SubscriberNumbers}); the source address may carry
 * a port and, for IPv6, brackets. A wrong password, a user name or ACL mismatch and a peer that
 * may not register are {@link AuthResult#BAD_PASSWORD} (the account exists); no matching peer or
 * endpoint and a foreign domain are {@link AuthResult#UNKNOWN_USER}. Every other line is skipped
 * and counted by its kind: other log lines by level, a failed REGISTER of a user that is no
 * telephone number (scanners try {@code admin}, {@code 100}), requests other than REGISTER, and
 * res_security_log lines, which {@code asterisk-security} reads. A failed registration line with
 * a time or address that cannot be read is rejected. These lines carry no User-Agent, transport
 * or expiry.
 */
public final class AsteriskLogParser implements RegistrationLineParser {

    public static final String FORMAT_NAME = "asterisk-log";

    static final String SKIPPED_NO_PREFIX = "no Asterisk log prefix";
    static final String SKIPPED_SECURITY_EVENT = "SecurityEvent (read by asterisk-security)";
    static final String SKIPPED_NOT_A_NUMBER = "failed REGISTER of a user that is no number";
    static final String SKIPPED_OTHER_METHOD = "failed request other than REGISTER";
    static final String SKIPPED_OTHER_REASON = "failed REGISTER for another reason";
    static final String SKIPPED_OTHER_MESSAGE = " (other)";

    private static final String LEVELS = "VERBOSE|NOTICE|WARNING|ERROR|DEBUG|SECURITY|DTMF|FAX";
    private static final Pattern LINE = Pattern.compile("^(?:"
            + "\\[(?<local>[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,9})?)\\]"
            + "|\\[(?<short>[A-Z][a-z]{2} {1,2}[0-9]{1,2} [0-9]{2}:[0-9]{2}:[0-9]{2})(?:\\.[0-9]{1,9})?\\]"
            + "|(?:(?<syslog>[A-Z][a-z]{2} {1,2}[0-9]{1,2} [0-9]{2}:[0-9]{2}:[0-9]{2})"
            + "|(?<rfc>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{8,18}(?:Z|[+-][0-9]{2}:?[0-9]{2})))"
            + " +\\S+ +[^\\s\\[:]+(?:\\[[0-9]+\\])?:"
            + ") +(?<level>" + LEVELS + ") ?\\[[^\\]]{0,40}\\](?:\\[[^\\]]{0,40}\\])?:? +(?<message>.*)$");
    /** {@code chan_sip.c: }, {@code chan_sip.c:28468 handle_request_register: } or {@code … in handle_request_register: }. */
    private static final Pattern SOURCE = Pattern.compile("^[\\w./-]{1,80}\\.c:[0-9]{0,6}(?: (?:in )?\\w{1,80}:)? ");
    private static final Pattern CHAN_SIP = Pattern.compile(
            "^Registration from '(?<uri>.*)' failed for '(?<source>[^']{1,60})' - (?<reason>.*?)\\s*$");
    private static final Pattern PJSIP = Pattern.compile("^Request (?:'(?<method>[^']{0,40})' )?from '(?<uri>.*)'"
            + " failed for '(?<source>[^']{1,60})' \\(callid: .*\\) - (?<reason>.*?)"
            + "(?: after [0-9]+ tries in [0-9.]+ ms)?\\s*$");
    private static final Pattern URI_USER = Pattern.compile("(?i)sips?:([^@;:>'\"\\s]{1,64})@");
    private static final Pattern PORT_SUFFIX = Pattern.compile("(.+):([0-9]{1,5})");

    private static final Map<String, AuthResult> CHAN_SIP_REASONS = Map.of(
            "Wrong password", AuthResult.BAD_PASSWORD,
            "Username/auth name mismatch", AuthResult.BAD_PASSWORD,
            "Device does not match ACL", AuthResult.BAD_PASSWORD,
            "ACL error (permit/deny)", AuthResult.BAD_PASSWORD,
            "Peer is not supposed to register", AuthResult.BAD_PASSWORD,
            "Device not configured to use this transport type", AuthResult.BAD_PASSWORD,
            "No matching peer found", AuthResult.UNKNOWN_USER,
            "Not a local domain", AuthResult.UNKNOWN_USER);
    private static final Map<String, AuthResult> PJSIP_REASONS = Map.of(
            "Failed to authenticate", AuthResult.BAD_PASSWORD,
            "Error to authenticate", AuthResult.BAD_PASSWORD,
            "Not match Endpoint ACL", AuthResult.BAD_PASSWORD,
            "Not match Endpoint Contact ACL", AuthResult.BAD_PASSWORD,
            "No matching endpoint found", AuthResult.UNKNOWN_USER);

    private final PlausibleTimes plausibleTimes;
    private final AsteriskLogTimes times;
    private final SubscriberNumbers numbers;

    public AsteriskLogParser(PlausibleTimes plausibleTimes, ZoneId zone, SubscriberNumbers numbers, Clock clock) {
        this.plausibleTimes = plausibleTimes;
        this.times = new AsteriskLogTimes(zone, clock);
        this.numbers = numbers;
    }

    @Override
    public String format() {
        return FORMAT_NAME;
    }

    /** True when the line starts as Asterisk's logger writes a line, whatever its message. */
    public static boolean looksLikeAsteriskLog(String line) {
        return LINE.matcher(line).matches();
    }

    @Override
    public ParsedRegistrationLine parse(String line) {
        if (line == null || line.isBlank()) {
            return new Skipped("blank line");
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return new Skipped(SKIPPED_NO_PREFIX);
        }
        String message = withoutSource(m.group("message"));
        if (message.startsWith("SecurityEvent=")) {
            return new Skipped(SKIPPED_SECURITY_EVENT);
        }
        Matcher chanSip = CHAN_SIP.matcher(message);
        if (chanSip.matches()) {
            return failure(m, chanSip, CHAN_SIP_REASONS.get(chanSip.group("reason")));
        }
        Matcher pjsip = PJSIP.matcher(message);
        if (pjsip.matches()) {
            String method = pjsip.group("method");
            if (method != null && !method.equals("REGISTER")) {
                return new Skipped(SKIPPED_OTHER_METHOD);
            }
            return failure(m, pjsip, PJSIP_REASONS.get(pjsip.group("reason")));
        }
        return new Skipped(m.group("level") + SKIPPED_OTHER_MESSAGE);
    }

    private static String withoutSource(String message) {
        Matcher source = SOURCE.matcher(message);
        return source.find() ? message.substring(source.end()) : message;
    }

    private ParsedRegistrationLine failure(Matcher line, Matcher failure, AuthResult result) {
        if (result == null) {
            return new Skipped(SKIPPED_OTHER_REASON);
        }
        Optional<String> user = user(failure.group("uri"));
        Optional<String> number = user.flatMap(numbers::e164);
        if (number.isEmpty()) {
            return notANumber(line, failure, user.orElse(""), result);
        }
        try {
            Instant time = time(line);
            Address source = Address.parse(failure.group("source"));
            return new Parsed(new RegistrationRecord(time, number.get(), source.ip(), source.port(), null, null,
                    result, null));
        } catch (BadField bad) {
            return new Rejected(bad.field, bad.getMessage());
        }
    }

    /** Skipped as before; counted as a failure from its address when its time and address are good. */
    private ParsedRegistrationLine notANumber(Matcher line, Matcher failure, String user, AuthResult result) {
        try {
            Address source = Address.parse(failure.group("source"));
            return new ParsedRegistrationLine.NotANumber(new RegistrationRecord(time(line), null, source.ip(),
                    source.port(), null, null, result, null), user, SKIPPED_NOT_A_NUMBER);
        } catch (BadField bad) {
            return new Skipped(SKIPPED_NOT_A_NUMBER);
        }
    }

    /** The user of the URI in angle brackets, else of the first SIP URI: a display name may hold anything. */
    static Optional<String> user(String uri) {
        int bracket = uri.toLowerCase(Locale.ROOT).lastIndexOf("<sip");
        Matcher user = URI_USER.matcher(uri);
        if (user.find(Math.max(bracket, 0))) {
            return Optional.of(user.group(1).replace("%2B", "+").replace("%2b", "+"));
        }
        return Optional.empty();
    }

    private Instant time(Matcher line) throws BadField {
        String local = line.group("local");
        String shortTime = line.group("short") != null ? line.group("short") : line.group("syslog");
        Optional<Instant> time = local != null ? times.localDateTime(local)
                : shortTime != null ? times.withoutYear(shortTime) : times.withOffset(line.group("rfc"));
        String text = local != null ? local : shortTime != null ? shortTime : line.group("rfc");
        Instant instant = time.orElseThrow(() -> new BadField("time", "a date and time expected"
                + " (2026-11-02 10:15:04 or Nov  2 10:15:04), found " + shown(text)));
        String implausible = plausibleTimes.problem(instant);
        if (implausible != null) {
            throw new BadField("time", "not a plausible time: " + implausible);
        }
        return instant;
    }

    /** {@code 198.51.100.7}, {@code 198.51.100.7:5060}, {@code [2001:db8::5]:5060} or {@code 2001:db8::5}. */
    record Address(String ip, Integer port) {

        static Address parse(String text) throws BadField {
            String host = text;
            String port = null;
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                if (close < 0 || !(close == text.length() - 1 || text.charAt(close + 1) == ':')) {
                    throw bad(text);
                }
                host = text.substring(1, close);
                port = close == text.length() - 1 ? null : text.substring(close + 2);
            } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') >= 0) {
                Matcher withPort = PORT_SUFFIX.matcher(text);
                if (!withPort.matches()) {
                    throw bad(text);
                }
                host = withPort.group(1);
                port = withPort.group(2);
            }
            String ip = IpAccessList.canonicalAddress(host).orElseThrow(() -> bad(text));
            if (port == null) {
                return new Address(ip, null);
            }
            int number = RegistrationFields.port(port).orElseThrow(() -> bad(text));
            return new Address(ip, number);
        }

        private static BadField bad(String text) {
            return new BadField("address", "an IPv4 or IPv6 address other than 0.0.0.0 and ::, with or without"
                    + " a port 1-65535, expected, found " + shown(text));
        }
    }

    /** One bad field; carries no stack trace, it is an expected outcome. */
    static final class BadField extends Exception {

        private final String field;

        BadField(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }
}
