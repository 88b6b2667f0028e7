package org.voipguard.registration.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.voipguard.registration.AuthResult;
import org.voipguard.registration.ParsedRegistrationLine;
import org.voipguard.registration.ParsedRegistrationLine.Parsed;
import org.voipguard.registration.ParsedRegistrationLine.Rejected;
import org.voipguard.registration.ParsedRegistrationLine.Skipped;
import org.voipguard.registration.RegistrationRecord;

class AsteriskSecurityLogParserTest {

    private static final String SUCCESSFUL_AUTH = "SecurityEvent=\"SuccessfulAuth\","
            + "EventTV=\"2026-11-02T10:15:04.123+0000\",Severity=\"Informational\",Service=\"PJSIP\","
            + "EventVersion=\"1\",AccountID=\"+441632960001\",SessionID=\"a84d5b1c-3f0e@192.0.2.1\","
            + "LocalAddress=\"IPV4/UDP/192.0.2.1/5060\",RemoteAddress=\"IPV4/UDP/203.0.113.9/5060\","
            + "UsingPassword=\"1\"";

    private static final RegistrationRecord EXPECTED = new RegistrationRecord(
            Instant.parse("2026-11-02T10:15:04.123Z"), "+441632960001", "203.0.113.9", 5060, "UDP",
            null, AuthResult.OK, null);

    private final AsteriskSecurityLogParser parser = new AsteriskSecurityLogParser();

    @ParameterizedTest(name = "prefix [{0}]")
    @ValueSource(strings = {
            "",
            "Nov  2 10:15:04 pbx asterisk[1234]: ",
            "[2026-11-02 10:15:04] SECURITY[1234] res_security_log.c: ",
            "[Nov  2 10:15:04] SECURITY[1234][C-00000001] res_security_log.c: ",
    })
    void readsTheEventWhateverPrefixTheLoggerWrote(String prefix) {
        assertThat(parser.parse(prefix + SUCCESSFUL_AUTH)).isEqualTo(new Parsed(EXPECTED));
    }

    @Test
    void toleratesATrailingCarriageReturn() {
        assertThat(parser.parse(SUCCESSFUL_AUTH + "\r")).isEqualTo(new Parsed(EXPECTED));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "SuccessfulAuth, OK",
            "InvalidPassword, BAD_PASSWORD",
            "ChallengeResponseFailed, BAD_PASSWORD",
            "InvalidAccountID, UNKNOWN_USER",
    })
    void mapsTheAuthenticationEvents(String event, AuthResult expected) {
        RegistrationRecord record = parsed(SUCCESSFUL_AUTH.replace("SuccessfulAuth", event));

        assertThat(record.authResult()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ChallengeSent", "FailedACL", "RequestBadFormat", "InvalidTransport", "SessionLimit"})
    void skipsOtherEventTypesByName(String event) {
        ParsedRegistrationLine result = parser.parse(SUCCESSFUL_AUTH.replace("SuccessfulAuth", event)
                .replace("+441632960001", "not-checked-for-skipped-events"));

        assertThat(result).isEqualTo(new Skipped(event));
    }

    @ParameterizedTest(name = "EventTV {0}")
    @CsvSource({
            "2026-11-02T10:15:04.123+0000, 2026-11-02T10:15:04.123Z",
            "2026-11-02T10:15:04.123+00:00, 2026-11-02T10:15:04.123Z",
            "2026-11-02T10:15:04.123Z, 2026-11-02T10:15:04.123Z",
            "2026-11-02T10:15:04Z, 2026-11-02T10:15:04Z",
            "2026-11-02T11:15:04.123456+0100, 2026-11-02T10:15:04.123456Z",
            "2026-11-02T05:15:04.123-0500, 2026-11-02T10:15:04.123Z",
            "1793614504-123456, 2026-11-02T10:15:04.123456Z",
            "1793614504-5, 2026-11-02T10:15:04.000005Z",
    })
    void readsTheEventTimeInIsoAndSecondsMicrosForm(String eventTv, Instant expected) {
        RegistrationRecord record = parsed(SUCCESSFUL_AUTH.replace("2026-11-02T10:15:04.123+0000", eventTv));

        assertThat(record.time()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "IPV6/UDP/2001:db8::5/5060, 2001:db8::5, 5060, UDP",
            "IPV6/TCP/[2001:db8::5]/5061, 2001:db8::5, 5061, TCP",
            "IPV6/TLS/[2001:DB8:0:0:0:0:0:5]/5061, 2001:db8::5, 5061, TLS",
            "IPV6/UDP/[::ffff:203.0.113.9]/5060, 203.0.113.9, 5060, UDP",
            "IPV4/WSS/203.0.113.9/8089, 203.0.113.9, 8089, WSS",
    })
    void readsAddressPortAndTransportFromRemoteAddress(String remote, String ip, int port, String transport) {
        RegistrationRecord record = parsed(SUCCESSFUL_AUTH.replace("IPV4/UDP/203.0.113.9/5060", remote));

        assertThat(record.sourceIp()).isEqualTo(ip);
        assertThat(record.sourcePort()).isEqualTo(port);
        assertThat(record.transport()).isEqualTo(transport);
    }

    @Test
    void addsThePlusToADigitsOnlyAccountId() {
        RegistrationRecord record = parsed(SUCCESSFUL_AUTH.replace("+441632960001", "441632960001"));

        assertThat(record.number()).isEqualTo("+441632960001");
    }

    @ParameterizedTest(name = "AccountID {0}")
    @ValueSource(strings = {"alice", "1000", "+44 1632 960001", "00441632960001", ""})
    void rejectsASuccessfulAuthOfAnAccountIdThatIsNoNumber(String accountId) {
        ParsedRegistrationLine result = parser.parse(SUCCESSFUL_AUTH.replace("+441632960001", accountId));

        assertThat(result).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.field()).isEqualTo("AccountID"));
    }

    @ParameterizedTest(name = "AccountID {0}")
    @ValueSource(strings = {"alice", "1000", "+44 1632 960001", "00441632960001", ""})
    void skipsAFailureOfAnAccountIdThatIsNoNumberButKeepsItAsAFailureFromItsAddress(String accountId) {
        ParsedRegistrationLine result = parser.parse(
                SUCCESSFUL_AUTH.replace("SuccessfulAuth", "InvalidAccountID").replace("+441632960001", accountId));

        assertThat(result).isInstanceOfSatisfying(ParsedRegistrationLine.NotANumber.class, failure -> {
            assertThat(failure.kind()).isEqualTo("failed authentication of a user that is no number");
            assertThat(failure.record().number()).isNull();
            assertThat(failure.record().authResult()).isEqualTo(AuthResult.UNKNOWN_USER);
        });
    }

    @Test
    void readsAQuotedValueHoldingCommaEqualsAndEscapes() {
        String sessionId = "SessionID=\"a,b=c \\\"quoted\\\" back\\\\slash\"";

        RegistrationRecord record = parsed(SUCCESSFUL_AUTH.replace("SessionID=\"a84d5b1c-3f0e@192.0.2.1\"", sessionId));

        assertThat(record).isEqualTo(EXPECTED);
    }

    @ParameterizedTest(name = "{0} bad: {1}")
    @CsvSource(delimiter = '|', value = {
            "EventTV       | 2026-11-02T10:15:04.123+0000 | yesterday",
            "EventTV       | 2026-11-02T10:15:04.123+0000 | 2026-11-02T10:15:04",
            "EventTV       | 2026-11-02T10:15:04.123+0000 | 1793614504",
            "RemoteAddress | IPV4/UDP/203.0.113.9/5060   | 203.0.113.9:5060",
            "RemoteAddress | IPV4/UDP/203.0.113.9/5060   | IPV4/SCTP/203.0.113.9/5060",
            "RemoteAddress | IPV4/UDP/203.0.113.9/5060   | IPV4/UDP/203.0.113.999/5060",
            "RemoteAddress | IPV4/UDP/203.0.113.9/5060   | IPV4/UDP/203.0.113.9/0",
            "RemoteAddress | IPV4/UDP/203.0.113.9/5060   | IPV5/UDP/203.0.113.9/5060",
            "RemoteAddress | IPV4/UDP/203.0.113.9/5060   | IPV4/UDP/0.0.0.0/5060",
            "RemoteAddress | IPV4/UDP/203.0.113.9/5060   | IPV6/UDP/[::]/5060",
    })
    void rejectsABadFieldNamingIt(String field, String good, String bad) {
        ParsedRegistrationLine result = parser.parse(SUCCESSFUL_AUTH.replace(good, bad));

        assertThat(result).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.field()).isEqualTo(field));
    }

    @Test
    void rejectsAnEventWithoutRemoteAddress() {
        ParsedRegistrationLine result = parser.parse(
                SUCCESSFUL_AUTH.replace(",RemoteAddress=\"IPV4/UDP/203.0.113.9/5060\"", ""));

        assertThat(result).isEqualTo(new Rejected("RemoteAddress", "missing"));
    }

    @Test
    void rejectsAKeyInjectedThroughAnUnescapedValue() {
        String injected = SUCCESSFUL_AUTH.replace("a84d5b1c-3f0e@192.0.2.1",
                "x\",RemoteAddress=\"IPV4/UDP/198.51.100.7/5060");

        ParsedRegistrationLine result = parser.parse(injected);

        assertThat(result).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.field()).isEqualTo("line");
            assertThat(rejected.reason()).contains("RemoteAddress").contains("twice");
        });
    }

    @Test
    void rejectsALineWithoutSecurityEvent() {
        ParsedRegistrationLine result = parser.parse("[Nov  2 10:15:04] NOTICE[1234] chan_sip.c: something else");

        assertThat(result).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.field()).isEqualTo("SecurityEvent"));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "SecurityEvent=SuccessfulAuth,EventTV=\"1793614504-1\"",
            "SecurityEvent=\"SuccessfulAuth\",EventTV=\"1793614504-1",
            "SecurityEvent=\"SuccessfulAuth\" EventTV=\"1793614504-1\"",
            "SecurityEvent=\"SuccessfulAuth\",",
            "SecurityEvent=\"SuccessfulAuth\",EventTV",
            "SecurityEvent=\"SuccessfulAuth\",Event TV=\"1\"",
            "SecurityEvent=",
            "SecurityEvent=\"ab\"cd\",EventTV=\"1793614504-1\"",
    })
    void rejectsMalformedPairs(String line) {
        ParsedRegistrationLine result = parser.parse(line);

        assertThat(result).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.field()).isEqualTo("line"));
    }

    @Test
    void rejectsAnEventTypeThatIsNoName() {
        ParsedRegistrationLine result = parser.parse("SecurityEvent=\"<script>\"");

        assertThat(result).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.field()).isEqualTo("SecurityEvent"));
    }

    @Test
    void skipsABlankLine() {
        assertThat(parser.parse("")).isEqualTo(new Skipped("blank line"));
    }

    private RegistrationRecord parsed(String line) {
        ParsedRegistrationLine result = parser.parse(line);
        assertThat(result).isInstanceOf(Parsed.class);
        return ((Parsed) result).record();
    }
}
