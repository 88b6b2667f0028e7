package org.voipguard.registration.asterisk;

import static org.voipguard.registration.RegistrationFields.shown;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
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
import org.voipguard.registration.asterisk.SecurityEventPairs.MalformedPairs;

/**
 * The {@code asterisk-security} format: lines of Asterisk's security log (res_security_log),
 * e.g. {@code SecurityEvent="SuccessfulAuth",EventTV="2026-11-02T10:15:04.123+0000",…,
 * AccountID="+441632960001",…,RemoteAddress="IPV4/UDP/203.0.113.9/5060",…}. Whatever precedes
 * {@code SecurityEvent=} (a syslog or Asterisk logger prefix) is ignored.
 *
 * <p>{@code SuccessfulAuth} is {@link AuthResult#OK}, {@code InvalidPassword} and
 * {@code ChallengeResponseFailed} are {@link AuthResult#BAD_PASSWORD}, {@code InvalidAccountID}
 * is {@link AuthResult#UNKNOWN_USER}; every other event type is skipped. A failure whose
 * {@code AccountID} is not an E.164 number (digits alone get a {@code +}) is usually a scanner
 * trying user names such as {@code admin}: it is skipped and counted, and counts as a failed
 * authentication from its address ({@code AUTH_FAILURES}). A {@code SuccessfulAuth} of such an
 * account rejects the line.
 *
 * <p>Asterisk writes values between double quotes without escaping them. A value holding a
 * quote therefore makes the line malformed and rejected, and a key that appears twice (text
 * injected through a value) rejects it too; {@code \"} and {@code \\} are read as escapes.
 *
 * <p>These lines carry neither a User-Agent nor an expiry, so the records have
 * {@code userAgent == null} and {@code expiresS == null}, and the event was an authenticated
 * SIP request of any method, not necessarily a REGISTER. The P4 stage must treat such a
 * record as follows: it can raise {@code NEW_IP} but never {@code NEW_USER_AGENT} or
 * {@code NEW_IP_AND_USER_AGENT} (a missing User-Agent is not a new one, and is not stored as
 * a known User-Agent); and it is not a registered phone with an expiry, so it never goes
 * into {@code registered_phone}: the source IP is tracked as seen ({@code known_ip}) only.
 */
@Component
public final class AsteriskSecurityLogParser implements RegistrationLineParser {

    public static final String FORMAT_NAME = "asterisk-security";

    static final String SKIPPED_NOT_A_NUMBER = "failed authentication of a user that is no number";

    private static final String EVENT_KEY = "SecurityEvent";
    private static final Map<String, AuthResult> AUTH_EVENTS = Map.of(
            "SuccessfulAuth", AuthResult.OK,
            "InvalidPassword", AuthResult.BAD_PASSWORD,
            "ChallengeResponseFailed", AuthResult.BAD_PASSWORD,
            "InvalidAccountID", AuthResult.UNKNOWN_USER);
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** Older Asterisk: seconds since the epoch, a dash, microseconds (not zero-padded). */
    private static final Pattern SECONDS_MICROS = Pattern.compile("([0-9]{1,12})-([0-9]{1,6})");
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("(.*[+-][0-9]{2})([0-9]{2})");

    private final PlausibleTimes plausibleTimes;

    /** A parser that believes any time: for the analysts' scenarios. */
    public AsteriskSecurityLogParser() {
        this(PlausibleTimes.any());
    }

    public AsteriskSecurityLogParser(PlausibleTimes plausibleTimes) {
        this.plausibleTimes = plausibleTimes;
    }

    @Override
    public String format() {
        return FORMAT_NAME;
    }

    @Override
    public ParsedRegistrationLine parse(String line) {
        if (line == null || line.isBlank()) {
            return new Skipped("blank line");
        }
        int start = line.indexOf(EVENT_KEY + "=");
        if (start < 0) {
            return new Rejected(EVENT_KEY, "not an Asterisk security event: no " + EVENT_KEY + "= in the line");
        }
        Map<String, String> pairs;
        try {
            pairs = SecurityEventPairs.parse(line, start);
        } catch (MalformedPairs e) {
            return new Rejected("line", e.getMessage());
        }
        String event = pairs.get(EVENT_KEY);
        if (!EVENT_NAME.matcher(event).matches()) {
            return new Rejected(EVENT_KEY, "an event type name expected, found " + shown(event));
        }
        AuthResult result = AUTH_EVENTS.get(event);
        if (result == null) {
            return new Skipped(event);
        }
        try {
            return record(pairs, result);
        } catch (BadField bad) {
            return new Rejected(bad.field, bad.getMessage());
        }
    }

    private ParsedRegistrationLine record(Map<String, String> pairs, AuthResult result) throws BadField {
        Instant time = plausible(eventTime(required(pairs, "EventTV")));
        String accountId = required(pairs, "AccountID");
        if (result != AuthResult.OK && !isNumber(accountId)) {
            RemoteAddress remote = RemoteAddress.parse(required(pairs, "RemoteAddress"));
            return new ParsedRegistrationLine.NotANumber(new RegistrationRecord(time, null, remote.ip, remote.port,
                    remote.transport, null, result, null), accountId, SKIPPED_NOT_A_NUMBER);
        }
        String number = number(accountId);
        RemoteAddress remote = RemoteAddress.parse(required(pairs, "RemoteAddress"));
        return new Parsed(new RegistrationRecord(time, number, remote.ip, remote.port, remote.transport, null, result,
                null));
    }

    private static boolean isNumber(String accountId) {
        return RegistrationFields.isE164(DIGITS.matcher(accountId).matches() ? "+" + accountId : accountId);
    }

    private static String required(Map<String, String> pairs, String key) throws BadField {
        String value = pairs.get(key);
        if (value == null) {
            throw new BadField(key, "missing");
        }
        return value;
    }

    /** ISO ({@code 2026-11-02T10:15:04.123+0000}, {@code +00:00} or {@code Z}) or seconds-micros. */
    private static Instant eventTime(String text) throws BadField {
        Matcher secondsMicros = SECONDS_MICROS.matcher(text);
        if (secondsMicros.matches()) {
            long seconds = Long.parseLong(secondsMicros.group(1));
            long micros = Long.parseLong(secondsMicros.group(2));
            return Instant.ofEpochSecond(seconds, micros * 1_000);
        }
        Matcher noColon = OFFSET_WITHOUT_COLON.matcher(text);
        String iso = noColon.matches() ? noColon.group(1) + ":" + noColon.group(2) : text;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeException e) {
            throw new BadField("EventTV", "ISO-8601 time with offset or seconds-microseconds expected, found "
                    + shown(text));
        }
    }

    private Instant plausible(Instant time) throws BadField {
        String implausible = plausibleTimes.problem(time);
        if (implausible != null) {
            throw new BadField("EventTV", "not a plausible time: " + implausible);
        }
        return time;
    }

    private static String number(String accountId) throws BadField {
        String candidate = DIGITS.matcher(accountId).matches() ? "+" + accountId : accountId;
        if (!RegistrationFields.isE164(candidate)) {
            throw new BadField("AccountID", "an E.164 number expected (+441632960001 or 441632960001), found "
                    + shown(accountId));
        }
        return candidate;
    }

    /** {@code IPV4/UDP/203.0.113.9/5060}, {@code IPV6/UDP/2001:db8::5/5060} or {@code IPV6/TCP/[2001:db8::5]/5061}. */
    private static final class RemoteAddress {

        private final String ip;
        private final int port;
        private final String transport;

        private RemoteAddress(String ip, int port, String transport) {
            this.ip = ip;
            this.port = port;
            this.transport = transport;
        }

        static RemoteAddress parse(String text) throws BadField {
            String[] parts = text.split("/", -1);
            if (parts.length != 4 || !(parts[0].equals("IPV4") || parts[0].equals("IPV6"))) {
                throw bad("IPV4|IPV6/transport/address/port expected", text);
            }
            String transport = RegistrationFields.transport(parts[1])
                    .orElseThrow(() -> bad("transport UDP, TCP, TLS, WS or WSS expected", text));
            String ip = IpAccessList.canonicalAddress(parts[2])
                    .orElseThrow(() -> bad("a single IPv4 or IPv6 address other than 0.0.0.0 and :: expected", text));
            int port = RegistrationFields.port(parts[3])
                    .orElseThrow(() -> bad("port 1-65535 expected", text));
            return new RemoteAddress(ip, port, transport);
        }

        private static BadField bad(String expected, String text) {
            return new BadField("RemoteAddress", expected + ", found " + shown(text));
        }
    }

    /** One bad field; carries no stack trace, it is an expected outcome. */
    private static final class BadField extends Exception {

        private final String field;

        BadField(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }
}
