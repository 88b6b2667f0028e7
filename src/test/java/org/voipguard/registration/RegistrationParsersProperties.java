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
import org.voipguard.registration.asterisk.AsteriskSecurityLogParser;

class RegistrationParsersProperties {

    private static final List<String> TRICKY_PIECES = List.of(
            "SecurityEvent=", ",", "=", "\"", "\\\"", "\\\\", "\\", "/", "[", "]", ":", "-", "+", " ", "\r", "\n",
            "\u0000", "\u001b", "\uFEFF", "\uD83D", "\uD83D\uDCDE", "9".repeat(20), "IPV4", "IPV6", "UDP");

    private final List<RegistrationLineParser> parsers =
            List.of(new RegistrationCsvLineParser(), new AsteriskSecurityLogParser());

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
        return Arbitraries.oneOf(Arbitraries.strings(), soup(), nearlyAsteriskEvents(), nearlyCsvLines());
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
