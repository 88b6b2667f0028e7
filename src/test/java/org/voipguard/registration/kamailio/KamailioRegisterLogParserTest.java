package org.voipguard.registration.kamailio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.voipguard.imports.PlausibleTimes;
import org.voipguard.registration.AuthResult;
import org.voipguard.registration.ParsedRegistrationLine;
import org.voipguard.registration.ParsedRegistrationLine.Parsed;
import org.voipguard.registration.ParsedRegistrationLine.Rejected;
import org.voipguard.registration.ParsedRegistrationLine.Skipped;
import org.voipguard.registration.RegistrationFields;
import org.voipguard.registration.RegistrationRecord;
import org.voipguard.registration.SubscriberNumbers;

class KamailioRegisterLogParserTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
    private static final String LINE = "VOIPGUARD-REGISTER ts=1796300000 user=441632960001 ip=198.51.100.7 port=5060"
            + " proto=udp expires=3600 auth=OK ua=Linphone/5.2.0 (Desktop)";

    private final KamailioRegisterLogParser parser = new KamailioRegisterLogParser(new PlausibleTimes(
            Instant.parse("2000-01-01T00:00:00Z"), Duration.ofDays(1), ZoneId.of("Europe/London"), NOW),
            new SubscriberNumbers("GB"));

    @ParameterizedTest(name = "prefix [{0}]")
    @ValueSource(strings = {
            "",
            "Nov 29 10:00:00 sbc kamailio[1234]: NOTICE: <script>: ",
            "Nov 29 10:00:00 sbc /usr/sbin/kamailio[1234]: NOTICE: {1 2 REGISTER 5f3a@198.51.100.7} <script>: ",
            "2026-11-29T10:00:00.123456+00:00 sbc kamailio[1234]: NOTICE: <script>: ",
            " 0(1234) NOTICE: <script>: ",
    })
    void readsTheLineBareOrBehindASyslogPrefix(String prefix) {
        assertThat(parser.parse(prefix + LINE)).isEqualTo(new Parsed(new RegistrationRecord(
                Instant.ofEpochSecond(1796300000L), "+441632960001", "198.51.100.7", 5060, "UDP",
                "Linphone/5.2.0 (Desktop)", AuthResult.OK, 3600)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "user=+441632960001 | +441632960001",
            "user=01632960001 | +441632960001",
            "user=12025550123 | +12025550123",
    })
    void readsTheUserAsE164(String user, String number) {
        assertThat(parsed(LINE.replace("user=441632960001", user)).number()).isEqualTo(number);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ip=2001:db8::5 port=5062 proto=tls | 2001:db8::5 | 5062 | TLS",
            "ip=[2001:DB8::5] port=5062 proto=wss | 2001:db8::5 | 5062 | WSS",
            "ip=::ffff:198.51.100.9 port=443 proto=ws | 198.51.100.9 | 443 | WS",
            "ip=198.51.100.7 port=5060 proto=sctp | 198.51.100.7 | 5060 | SCTP",
            "ip=198.51.100.7 port=5060 proto=TCP | 198.51.100.7 | 5060 | TCP",
    })
    void readsIpv6SourcesAndEveryTransport(String fields, String ip, int port, String transport) {
        RegistrationRecord record = parsed(LINE.replace("ip=198.51.100.7 port=5060 proto=udp", fields));

        assertThat(record.sourceIp()).isEqualTo(ip);
        assertThat(record.sourcePort()).isEqualTo(port);
        assertThat(record.transport()).isEqualTo(transport);
    }

    @Test
    void aFailedRegisterHasNoExpiry() {
        RegistrationRecord record = parsed(LINE.replace("expires=3600 auth=OK", "expires=- auth=BAD_PASSWORD"));

        assertThat(record.expiresS()).isNull();
        assertThat(record.authResult()).isEqualTo(AuthResult.BAD_PASSWORD);
    }

    @Test
    void anUnregisterHasExpiryZero() {
        assertThat(parsed(LINE.replace("expires=3600", "expires=0")).expiresS()).isZero();
    }

    @ParameterizedTest(name = "ua={0}")
    @ValueSource(strings = {
            "friendly-scanner",
            "sipvicious",
            "PolycomVVX-VVX_410-UA/5.9.5.0614 ua=Evil/1.0 auth=OK",
            "x; expires=0; auth=OK user=+441632960099",
            "evil\u001b[31mred\u0007 bell\ttab",
            "\u202Eredro\u202C tnega",
    })
    void theUserAgentIsTheRestOfTheLineWhateverItHolds(String userAgent) {
        RegistrationRecord record = parsed(LINE.replace("Linphone/5.2.0 (Desktop)", userAgent));

        assertThat(record.userAgent()).isEqualTo(userAgent);
        assertThat(record.number()).isEqualTo("+441632960001");
        assertThat(record.authResult()).isEqualTo(AuthResult.OK);
        assertThat(record.expiresS()).isEqualTo(3600);
    }

    @Test
    void anEmptyUserAgentIsNone() {
        assertThat(parsed(LINE.replace("ua=Linphone/5.2.0 (Desktop)", "ua=")).userAgent()).isNull();
    }

    @Test
    void aNulIsRemovedAndAHugeUserAgentIsCut() {
        RegistrationRecord record = parsed(LINE.replace("Linphone/5.2.0 (Desktop)", "a\0b" + "x".repeat(60_000)));

        assertThat(record.userAgent()).startsWith("abx").hasSize(RegistrationFields.USER_AGENT_MAX_CHARS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ts=-1 | ts",
            "ts=17963e5 | ts",
            "ts=4102444800 | ts",
            "ts=100 | ts",
            "ip=0.0.0.0 | ip",
            "ip=sbc.example | ip",
            "port=0 | port",
            "port=65536 | port",
            "proto=sip | proto",
            "expires=604801 | expires",
            "expires= | expires",
            "auth=ok | auth",
            "auth=FAILED | auth",
    })
    void rejectsABadFieldNamingIt(String replacement, String field) {
        String key = replacement.substring(0, replacement.indexOf('=') + 1);
        String line = LINE.replaceFirst(key + "\\S*", replacement);

        assertThat(parser.parse(line)).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.field()).isEqualTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "VOIPGUARD-REGISTER ts=1796300000 | user",
            "VOIPGUARD-REGISTER user=441632960001 ts=1796300000 ip=198.51.100.7 port=5060 proto=udp expires=3600 auth=OK ua= | ts",
            "VOIPGUARD-REGISTER ts=1796300000 user=441632960001 ip=198.51.100.7 port=5060 proto=udp expires=3600 auth=OK | ua",
            "VOIPGUARD-REGISTER ts=1796300000 user=441632960001 ip=198.51.100.7 port=5060 proto=udp expires=3600 auth=OK agent=x | ua",
            "VOIPGUARD-REGISTER ts=1796300000  user=441632960001 ip=198.51.100.7 port=5060 proto=udp expires=3600 auth=OK ua= | user",
    })
    void rejectsALineWhoseFieldsAreMissingOrOutOfOrder(String line, String field) {
        assertThat(parser.parse(line)).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.field()).isEqualTo(field));
    }

    @Test
    void aRegisteredUserThatIsNoNumberIsRejected() {
        assertThat(parser.parse(LINE.replace("user=441632960001", "user=admin")))
                .isInstanceOfSatisfying(Rejected.class, rejected -> assertThat(rejected.field()).isEqualTo("user"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"user=admin", "user=100", "user="})
    void aScannerFailingWithANameIsSkippedButKeptAsAFailureFromItsAddress(String user) {
        String line = LINE.replace("user=441632960001", user).replace("auth=OK ua=Linphone/5.2.0 (Desktop)",
                "auth=UNKNOWN_USER ua=friendly-scanner");

        assertThat(parser.parse(line)).isInstanceOfSatisfying(ParsedRegistrationLine.NotANumber.class, failure -> {
            assertThat(failure.kind()).isEqualTo(KamailioRegisterLogParser.SKIPPED_NOT_A_NUMBER);
            assertThat(failure.record().number()).isNull();
            assertThat(failure.record().sourceIp()).isEqualTo("198.51.100.7");
            assertThat(failure.record().userAgent()).isEqualTo("friendly-scanner");
        });
    }

    @Test
    void aFailureOfAUserThatIsNoNumberWithABadAddressIsSkippedAsBefore() {
        String line = LINE.replace("user=441632960001", "user=admin").replace("ip=198.51.100.7", "ip=999.1.1.1")
                .replace("auth=OK", "auth=BAD_PASSWORD");

        assertThat(parser.parse(line)).isEqualTo(new Skipped(KamailioRegisterLogParser.SKIPPED_NOT_A_NUMBER));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Nov 29 10:00:00 sbc kamailio[1234]: INFO: <core> [core/tcp_main.c:4958]: tcpconn_main_timeout(): connection closed",
            "Nov 29 10:00:00 sbc kamailio[1234]: NOTICE: acc [acc.c:291]: acc_log_request(): ACC: transaction answered: timestamp=1796300000;method=INVITE",
            "Nov 29 10:00:00 sbc kamailio[1234]: NOTICE: <script>: XVOIPGUARD-REGISTER ts=1 user=1",
    })
    void skipsOtherLines(String line) {
        assertThat(parser.parse(line)).isEqualTo(new Skipped(KamailioRegisterLogParser.SKIPPED_OTHER));
    }

    private RegistrationRecord parsed(String line) {
        ParsedRegistrationLine result = parser.parse(line);
        assertThat(result).isInstanceOf(Parsed.class);
        return ((Parsed) result).record();
    }
}
