package org.voipguard.registration.kamailio;

import static org.voipguard.registration.RegistrationFields.shown;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
 * The {@code kamailio} format: the line the shipped Kamailio configuration logs for every
 * REGISTER it answers, bare or behind a syslog prefix ({@code Nov 29 10:00:00 sbc
 * kamailio[1234]: NOTICE: <script>: }):
 * <pre>
 * VOIPGUARD-REGISTER ts=1796300000 user=441632960001 ip=198.51.100.7 port=5060 proto=udp expires=3600 auth=OK ua=Linphone/5.2.0 (Desktop)
 * </pre>
 * The fields come in this order, one space apart: {@code ts} seconds since the epoch,
 * {@code user} the SIP user (digits, with or without {@code +}; a national number is read in
 * {@code voipguard.default-country}), {@code ip} and {@code port} the source, {@code proto}
 * {@code udp}, {@code tcp}, {@code tls}, {@code ws}, {@code wss} or {@code sctp}, {@code expires}
 * seconds or {@code -}, {@code auth} {@code OK}, {@code BAD_PASSWORD} or {@code UNKNOWN_USER},
 * and {@code ua} the User-Agent: the rest of the line, which may be empty and may hold spaces,
 * {@code =} and {@code ;}. Lines without the {@code VOIPGUARD-REGISTER} mark are skipped and
 * counted; a marked line with a bad field is rejected with the field named. A failed REGISTER of
 * a user that is no telephone number (a scanner trying {@code admin}) is skipped and counted.
 */
public final class KamailioRegisterLogParser implements RegistrationLineParser {

    public static final String FORMAT_NAME = "kamailio";
    public static final String MARK = "VOIPGUARD-REGISTER";

    static final String SKIPPED_OTHER = "other line";
    static final String SKIPPED_NOT_A_NUMBER = "failed REGISTER of a user that is no number";

    private static final List<String> KEYS = List.of("ts", "user", "ip", "port", "proto", "expires", "auth");
    private static final String USER_AGENT_KEY = "ua";
    private static final Set<String> TRANSPORTS = Set.of("UDP", "TCP", "TLS", "WS", "WSS", "SCTP");
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final Pattern EXPIRES = Pattern.compile("[0-9]{1,7}");

    private final PlausibleTimes plausibleTimes;
    private final SubscriberNumbers numbers;

    public KamailioRegisterLogParser(PlausibleTimes plausibleTimes, SubscriberNumbers numbers) {
        this.plausibleTimes = plausibleTimes;
        this.numbers = numbers;
    }

    @Override
    public String format() {
        return FORMAT_NAME;
    }

    /** True when the line holds the mark as a word of its own. */
    public static boolean isMarked(String line) {
        return markAt(line) >= 0;
    }

    private static int markAt(String line) {
        int at = line.indexOf(MARK + " ");
        while (at > 0 && !Character.isWhitespace(line.charAt(at - 1))) {
            at = line.indexOf(MARK + " ", at + 1);
        }
        return at;
    }

    @Override
    public ParsedRegistrationLine parse(String line) {
        if (line == null || line.isBlank()) {
            return new Skipped("blank line");
        }
        int mark = markAt(line);
        if (mark < 0) {
            return new Skipped(SKIPPED_OTHER);
        }
        try {
            Fields fields = Fields.split(line.substring(mark + MARK.length() + 1));
            return record(fields);
        } catch (BadField bad) {
            return new Rejected(bad.field, bad.getMessage());
        }
    }

    private ParsedRegistrationLine record(Fields f) throws BadField {
        Instant time = time(f.value("ts"));
        AuthResult auth = auth(f.value("auth"));
        Optional<String> number = numbers.e164(f.value("user"));
        if (number.isEmpty()) {
            if (auth != AuthResult.OK) {
                return notANumber(f, time, auth);
            }
            throw new BadField("user", "a telephone number expected (441632960001, +441632960001 or national),"
                    + " found " + shown(f.value("user")));
        }
        String ip = IpAccessList.canonicalAddress(f.value("ip")).orElseThrow(() -> new BadField("ip",
                "a single IPv4 or IPv6 address other than 0.0.0.0 and :: expected, found " + shown(f.value("ip"))));
        int port = RegistrationFields.port(f.value("port")).orElseThrow(
                () -> new BadField("port", "port 1-65535 expected, found " + shown(f.value("port"))));
        return new Parsed(new RegistrationRecord(time, number.get(), ip, port, transport(f.value("proto")),
                RegistrationFields.storedUserAgent(f.userAgent()), auth, expires(f.value("expires"))));
    }

    /** Skipped as before; counted as a failure from its address when its address and port are good. */
    private static ParsedRegistrationLine notANumber(Fields f, Instant time, AuthResult auth) {
        try {
            String ip = IpAccessList.canonicalAddress(f.value("ip")).orElseThrow(() -> new BadField("ip", "bad"));
            Integer port = RegistrationFields.port(f.value("port")).orElseThrow(() -> new BadField("port", "bad"));
            return new ParsedRegistrationLine.NotANumber(new RegistrationRecord(time, null, ip, port,
                    transport(f.value("proto")), RegistrationFields.storedUserAgent(f.userAgent()), auth, null),
                    f.value("user"), SKIPPED_NOT_A_NUMBER);
        } catch (BadField bad) {
            return new Skipped(SKIPPED_NOT_A_NUMBER);
        }
    }

    private Instant time(String text) throws BadField {
        if (!SECONDS.matcher(text).matches()) {
            throw new BadField("ts", "seconds since 1970 expected, found " + shown(text));
        }
        Instant time = Instant.ofEpochSecond(Long.parseLong(text));
        String implausible = plausibleTimes.problem(time);
        if (implausible != null) {
            throw new BadField("ts", "not a plausible time: " + implausible);
        }
        return time;
    }

    private static AuthResult auth(String text) throws BadField {
        for (AuthResult result : AuthResult.values()) {
            if (result.name().equals(text)) {
                return result;
            }
        }
        throw new BadField("auth", "OK, BAD_PASSWORD or UNKNOWN_USER expected, found " + shown(text));
    }

    private static String transport(String text) throws BadField {
        String upper = text.toUpperCase(Locale.ROOT);
        if (!TRANSPORTS.contains(upper)) {
            throw new BadField("proto", "udp, tcp, tls, ws, wss or sctp expected, found " + shown(text));
        }
        return upper;
    }

    private static Integer expires(String text) throws BadField {
        if (text.equals("-")) {
            return null;
        }
        if (EXPIRES.matcher(text).matches() && Integer.parseInt(text) <= RegistrationFields.MAX_EXPIRES_S) {
            return Integer.parseInt(text);
        }
        throw new BadField("expires", "seconds 0-" + RegistrationFields.MAX_EXPIRES_S + " or - expected, found "
                + shown(text));
    }

    /** The values after the mark, each {@code key=value} in the fixed order; the User-Agent is the rest of the line. */
    private record Fields(List<String> values, String userAgent) {

        static Fields split(String text) throws BadField {
            String[] values = new String[KEYS.size()];
            int at = 0;
            for (int i = 0; i < KEYS.size(); i++) {
                String key = KEYS.get(i);
                if (!text.startsWith(key + "=", at)) {
                    throw new BadField(key, key + "= expected at character " + (at + 1) + " after " + MARK);
                }
                int start = at + key.length() + 1;
                int end = text.indexOf(' ', start);
                if (end < 0) {
                    String missing = i + 1 < KEYS.size() ? KEYS.get(i + 1) : USER_AGENT_KEY;
                    throw new BadField(missing, "missing: the line ends after " + key + "=");
                }
                values[i] = text.substring(start, end);
                at = end + 1;
            }
            if (!text.startsWith(USER_AGENT_KEY + "=", at)) {
                throw new BadField(USER_AGENT_KEY, USER_AGENT_KEY + "= expected at character " + (at + 1)
                        + " after " + MARK);
            }
            return new Fields(List.of(values), text.substring(at + USER_AGENT_KEY.length() + 1));
        }

        String value(String key) {
            return values.get(KEYS.indexOf(key));
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
