package org.voipguard.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.voipguard.registration.ParsedRegistrationLine.Parsed;

class RegistrationParsersProperties {

    private static final List<String> TRICKY_PIECES = List.of(
            "SecurityEvent=", ",", "=", "\"", "\\\"", "\\\\", "\\", "/", "[", "]", ":", "-", "+", " ", "\r", "\n",
            "\u0000", "\u001b", "\uFEFF", "\uD83D", "\uD83D\uDCDE", "9".repeat(20), "IPV4", "IPV6", "UDP",
            "VOIPGUARD-REGISTER ", "ua=", "'", "<sip:", "@", " failed for '", "' - ", "(callid: ", ")");

    private final RegistrationParsers all = RegistrationParsers.believingAnyTime();
    private final List<RegistrationLineParser> parsers = List.of(all.forFormat(LogFormat.CSV),
            all.forFormat(LogFormat.ASTERISK_SECURITY), all.forFormat(LogFormat.ASTERISK_LOG),
            all.forFormat(LogFormat.KAMAILIO));

    @Property(tries = 5000)
    void everyLineGetsAResultAndNothingThrows(@ForAll("lines") String line) {
        for (RegistrationLineParser parser : parsers) {
            ParsedRegistrationLine result = parser.parse(line);

            assertThat(result).isNotNull();
            if (result instanceof Parsed) {
                RegistrationRecord record = ((Parsed) result).record();
                assertThat(RegistrationFields.isE164(record.number())).isTrue();
                assertThat(record.sourceIp()).isNotBlank();
                assertThat(record.userAgent() == null || record.userAgent().length() <= 512).isTrue();
            }
        }
    }

    /** Any text, and lines close enough to valid ones to get past the first checks of each parser. */
    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.oneOf(Arbitraries.strings(), soup(), nearlyAsteriskEvents(), nearlyCsvLines(),
                nearlyAsteriskLogLines(), nearlyKamailioLines());
    }

    private static Arbitrary<String> soup() {
        return Arbitraries.oneOf(Arbitraries.of(TRICKY_PIECES), Arbitraries.strings().ofMaxLength(6))
                .list().ofMaxSize(12).map(pieces -> String.join("", pieces));
    }

    private static Arbitrary<String> value(String... goodValues) {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(goodValues)),
                Tuple.of(1, soup()));
    }

    private static Arbitrary<String> nearlyAsteriskEvents() {
        Arbitrary<String> event = value("SuccessfulAuth", "InvalidPassword", "ChallengeResponseFailed",
                "InvalidAccountID", "ChallengeSent");
        Arbitrary<String> time = value("2026-11-02T10:15:04.123+0000", "2026-11-02T10:15:04Z", "1793614504-123456",
                "99999999999-999999");
        Arbitrary<String> account = value("+441632960001", "441632960001", "alice");
        Arbitrary<String> remote = value("IPV4/UDP/203.0.113.9/5060", "IPV6/TCP/[2001:db8::5]/5061",
                "IPV6/UDP/2001:db8::5/5060", "IPV4/UDP/203.0.113.9", "IPV4/UDP//5060", "IPV4//203.0.113.9/5060/");
        Arbitrary<String> separator = value(",", ", ");
        return Combinators.combine(event, time, account, remote, separator).as((e, t, a, r, s) ->
                "[Nov  2 10:15:04] SECURITY[1234] res_security_log.c: SecurityEvent=\"" + e + "\"" + s
                        + "EventTV=\"" + t + "\"" + s + "AccountID=\"" + a + "\"" + s
                        + "RemoteAddress=\"" + r + "\"");
    }

    private static Arbitrary<String> nearlyAsteriskLogLines() {
        Arbitrary<String> prefix = value("[2026-11-02 10:15:04] NOTICE[1638] chan_sip.c: ", "[Feb 29 10:15:04] NOTICE[1]: ",
                "Nov  4 18:30:40 pbx asterisk[1]: NOTICE[2]: chan_sip.c:1 in f: ", "[Nov 99 99:99:99] NOTICE[1] x.c: ");
        Arbitrary<String> uri = value("<sip:441632960001@pbx>", "\"x\" <sip:01632960001@[2001:db8::1]>", "sip:admin@x",
                "<sip:%2B441632960001@pbx>", "'");
        Arbitrary<String> source = value("198.51.100.7", "[2001:db8::5]:5060", "2001:db8::5", "1.2.3.4:0", "[::1");
        Arbitrary<String> reason = value("Wrong password", "No matching peer found", "Failed to authenticate",
                "No matching endpoint found after 3 tries in 1.5 ms");
        Arbitrary<String> kind = value("Registration from '", "Request 'REGISTER' from '", "Request from '",
                "Request 'INVITE' from '");
        return Combinators.combine(prefix, kind, uri, source, reason).as((p, k, u, s, r) ->
                p + k + u + "' failed for '" + s + "'" + (k.startsWith("Request") ? " (callid: a) b) - " : " - ") + r);
    }

    private static Arbitrary<String> nearlyKamailioLines() {
        Arbitrary<String> ts = value("1793614504", "-1", "99999999999999", "");
        Arbitrary<String> user = value("441632960001", "+441632960001", "admin", "");
        Arbitrary<String> ip = value("198.51.100.7", "2001:db8::5", "[2001:db8::5]", "0.0.0.0");
        Arbitrary<String> auth = value("OK", "BAD_PASSWORD", "UNKNOWN_USER", "ok");
        Arbitrary<String> userAgent = value("friendly-scanner", "", "a ua=b auth=OK", "x".repeat(600));
        return Combinators.combine(ts, user, ip, auth, userAgent).as((t, u, i, a, ua) -> "Nov 29 10:00:00 sbc "
                + "kamailio[1]: NOTICE: <script>: VOIPGUARD-REGISTER ts=" + t + " user=" + u + " ip=" + i
                + " port=5060 proto=udp expires=3600 auth=" + a + " ua=" + ua);
    }

    private static Arbitrary<String> nearlyCsvLines() {
        Arbitrary<String> time = value("2026-11-02T10:15:04Z", "2026-11-02T10:15:04.5+01:00");
        Arbitrary<String> number = value("+441632960001", "441632960001");
        Arbitrary<String> ip = value("203.0.113.9", "\"2001:db8::5\"", "::ffff:203.0.113.9", "[::1]");
        Arbitrary<String> port = value("5060", "0", "65536", "99999999999");
        Arbitrary<String> userAgent = value("Yealink", "\"a, \"\"b\"\"\"", "", "\"unclosed", "x".repeat(600));
        Arbitrary<String> rest = value(",OK,3600", ",BAD_PASSWORD,", ",OK,604801", ",OK,99999999999", ",OK");
        return Combinators.combine(time, number, ip, port, userAgent, rest).as((t, n, i, p, u, r) ->
                t + "," + n + "," + i + "," + p + ",UDP," + u + r);
    }
}
