package org.voipguard.registration.asterisk;

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
import org.voipguard.registration.RegistrationRecord;
import org.voipguard.registration.SubscriberNumbers;

/**
 * Lines in the shapes Asterisk writes them: chan_sip's handle_request_register and PJSIP's
 * log_failed_request (res_pjsip/pjsip_distributor.c), with the logger prefixes of Asterisk 1.8
 * to 20 and of syslog, as in fail2ban's test log for its Asterisk filter.
 */
class AsteriskLogParserTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** 29 November 2026, noon in London. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    private final AsteriskLogParser parser = new AsteriskLogParser(
            new PlausibleTimes(Instant.parse("2000-01-01T00:00:00Z"), Duration.ofDays(1), LONDON, NOW), LONDON,
            new SubscriberNumbers("GB"), NOW);

    @Test
    void readsAChanSipWrongPassword() {
        ParsedRegistrationLine result = parser.parse("[2026-11-02 10:15:04] NOTICE[1638] chan_sip.c: Registration"
                + " from '<sip:441632960001@pbx.example.net>' failed for '198.51.100.7' - Wrong password");

        assertThat(result).isEqualTo(new Parsed(new RegistrationRecord(Instant.parse("2026-11-02T10:15:04Z"),
                "+441632960001", "198.51.100.7", null, null, null, AuthResult.BAD_PASSWORD, null)));
    }

    @Test
    void readsAPjsipFailedAuthenticationWithItsPort() {
        ParsedRegistrationLine result = parser.parse("[2026-07-02 10:15:04] NOTICE[11076]: "
                + "res_pjsip/pjsip_distributor.c:676 log_failed_request: Request 'REGISTER' from "
                + "'<sip:+441632960001@pbx.example.net>' failed for '198.51.100.7:5072' "
                + "(callid: 2112000000-1234) - Failed to authenticate");

        assertThat(result).isEqualTo(new Parsed(new RegistrationRecord(Instant.parse("2026-07-02T09:15:04Z"),
                "+441632960001", "198.51.100.7", 5072, null, null, AuthResult.BAD_PASSWORD, null)));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "Wrong password | BAD_PASSWORD",
            "Username/auth name mismatch | BAD_PASSWORD",
            "Device does not match ACL | BAD_PASSWORD",
            "ACL error (permit/deny) | BAD_PASSWORD",
            "Peer is not supposed to register | BAD_PASSWORD",
            "No matching peer found | UNKNOWN_USER",
            "Not a local domain | UNKNOWN_USER",
    })
    void mapsChanSipReasons(String reason, AuthResult expected) {
        assertThat(authResult("[2012-02-13 17:21:54] NOTICE[1638] chan_sip.c: Registration from "
                + "'<sip:01632960001@example.com>' failed for '198.51.100.7' - " + reason)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "Failed to authenticate | BAD_PASSWORD",
            "Error to authenticate | BAD_PASSWORD",
            "Not match Endpoint ACL | BAD_PASSWORD",
            "Not match Endpoint Contact ACL | BAD_PASSWORD",
            "No matching endpoint found | UNKNOWN_USER",
            "No matching endpoint found after 5 tries in 2.004 ms | UNKNOWN_USER",
    })
    void mapsPjsipReasons(String reason, AuthResult expected) {
        assertThat(authResult("[2016-05-23 10:18:16] NOTICE[19388] res_pjsip/pjsip_distributor.c: Request "
                + "'REGISTER' from '\"1000\" <sip:441632960001@10.0.0.1>' failed for '192.0.2.4:48336' "
                + "(callid: 276666022) - " + reason)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // Asterisk 13's PJSIP lines name no method.
            "[2016-05-23 10:18:16] NOTICE[19388] res_pjsip/pjsip_distributor.c: Request from '\"1000\" <sip:441632960001@10.0.0.1>' failed for '198.51.100.7:48336' (callid: 276666022) - No matching endpoint found",
            // Asterisk 11's chan_sip with a display name and no angle brackets
            "[2013-03-26 15:47:54] NOTICE[1237] chan_sip.c: Registration from '\"100\"sip:441632960001@1.2.3.4' failed for '198.51.100.7:23930' - No matching peer found",
            // Asterisk 16 and later, short dateformat
            "[Nov  2 10:15:04] NOTICE[11076]: res_pjsip/pjsip_distributor.c:676 log_failed_request: Request 'REGISTER' from '<sip:441632960001@127.0.0.1>' failed for '198.51.100.7:56039' (callid: OgfL6JO~OO) - No matching endpoint found",
            // through syslog
            "Nov  4 18:30:40 pbx asterisk[32229]: NOTICE[32257]: chan_sip.c:23417 in handle_request_register: Registration from '<sip:441632960001@example.com>' failed for '198.51.100.7:36998' - No matching peer found",
            "[2016-08-19 11:11:26] NOTICE[12931]: chan_sip.c:28468 handle_request_register: Registration from 'sip:441632960001@192.0.2.1' failed for '198.51.100.7:42406' - No matching peer found",
            "[2026-11-02 10:15:04.123] NOTICE[436][C-00000fa9] chan_sip.c: Registration from '<sip:441632960001@pbx>' failed for '198.51.100.7' - No matching peer found",
            "2026-11-02T10:15:04.123456+00:00 pbx asterisk[2130]: NOTICE[2130]: chan_sip.c:23417 in handle_request_register: Registration from '<sip:441632960001@pbx>' failed for '198.51.100.7:5060' - No matching peer found",
    })
    void readsEveryPrefixAsteriskAndSyslogWrite(String line) {
        RegistrationRecord record = ((Parsed) parser.parse(line)).record();

        assertThat(record.number()).isEqualTo("+441632960001");
        assertThat(record.sourceIp()).isEqualTo("198.51.100.7");
        assertThat(record.authResult()).isEqualTo(AuthResult.UNKNOWN_USER);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "[Nov  2 10:15:04] | 2026-11-02T10:15:04Z",
            "[Nov 28 23:59:59] | 2026-11-28T23:59:59Z",
            // tomorrow is allowed (clocks differ), the day after is last year
            "[Nov 30 10:00:00] | 2026-11-30T10:00:00Z",
            "[Dec  1 10:00:00] | 2025-12-01T10:00:00Z",
            "[Dec 31 23:00:00] | 2025-12-31T23:00:00Z",
            "[Feb 29 10:00:00] | 2024-02-29T10:00:00Z",
            "[Jul  1 10:00:00] | 2026-07-01T09:00:00Z",
            "[2026-11-02 10:15:04] | 2026-11-02T10:15:04Z",
            "[2026-07-02 10:15:04.5] | 2026-07-02T09:15:04.5Z",
    })
    void readsLocalTimesInTheTimeZoneAndInfersTheYear(String prefix, String expected) {
        RegistrationRecord record = parsed(prefix + " NOTICE[1638] chan_sip.c: Registration from "
                + "'<sip:441632960001@pbx>' failed for '198.51.100.7' - Wrong password");

        assertThat(record.time()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'[2001:db8::5]:5060' | 2001:db8::5 | 5060",
            "'[2001:DB8:0:0::5]' | 2001:db8::5 | ",
            "'2001:db8::5' | 2001:db8::5 | ",
            "'[::ffff:198.51.100.7]:5062' | 198.51.100.7 | 5062",
            "'198.51.100.7:65535' | 198.51.100.7 | 65535",
    })
    void readsIpv6SourcesAndPortSuffixes(String source, String ip, Integer port) {
        RegistrationRecord record = parsed("[2026-11-02 10:15:04] NOTICE[1] res_pjsip/pjsip_distributor.c: Request "
                + "'REGISTER' from '<sip:441632960001@[2001:db8::1]>' failed for '" + source
                + "' (callid: x) - Failed to authenticate");

        assertThat(record.sourceIp()).isEqualTo(ip);
        assertThat(record.sourcePort()).isEqualTo(port);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<sip:01632960001@pbx> | +441632960001",
            "<sip:00441632960001@pbx> | +441632960001",
            "<sip:%2B441632960001@pbx;transport=udp> | +441632960001",
            "<sips:12025550123@pbx> | +12025550123",
            "\"sip:00000000000@evil\" <sip:441632960002@pbx> | +441632960002",
    })
    void takesTheNumberFromTheUriAsE164(String uri, String number) {
        RegistrationRecord record = parsed("[2026-11-02 10:15:04] NOTICE[1] chan_sip.c: Registration from '" + uri
                + "' failed for '198.51.100.7' - Wrong password");

        assertThat(record.number()).isEqualTo(number);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[Aug  1 10:07:25] NOTICE[11076]: res_pjsip/pjsip_distributor.c:676 log_failed_request: Request 'INVITE' from '<sip:441632960001@127.0.0.1>' failed for '127.0.0.1:44672' (callid: c62tK1JzlDnDS9VFDGMQfg..) - No matching endpoint found | failed request other than REGISTER",
            "[2012-02-13 17:21:54] NOTICE[1638] chan_sip.c: Registration from '<sip:441632960001@example.com>' failed for '1.2.3.4' - RTP initialization failed | failed REGISTER for another reason",
            "[2013-02-05 23:44:42] NOTICE[436][C-00000fa9] chan_sip.c: Call from '' (1.2.3.4:10836) to extension '0972598285108' rejected because extension not found in context 'default'. | NOTICE (other)",
            "[2026-11-02 10:15:04] VERBOSE[2130][C-00000001] pbx.c:   == Spawn extension (from-internal, 100, 1) exited non-zero | VERBOSE (other)",
            "[2013-11-11 14:33:38] WARNING[6756][C-0000001d] Ext. s: \"Rejecting unknown SIP connection from 192.168.55.152\" | WARNING (other)",
            "[2013-07-06 09:09:25] SECURITY[3308] res_security_log.c: SecurityEvent=\"InvalidPassword\",EventTV=\"1373098165-824497\",Severity=\"Error\" | SecurityEvent (read by asterisk-security)",
            "  -- Executing [100@from-internal:1] Dial(\"SIP/101\", \"SIP/100\") in new stack | no Asterisk log prefix",
            "Asterisk Ready. | no Asterisk log prefix",
    })
    void skipsEveryOtherLineByKind(String line, String kind) {
        assertThat(parser.parse(line)).isEqualTo(new Skipped(kind));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // scanners try extensions and names: no number to warn, but a failure from the address
            "[2012-02-13 17:21:54] NOTICE[1638] chan_sip.c: Registration from '<sip:301@example.com>' failed for '1.2.3.4' - Wrong password | 1.2.3.4",
            "[2016-05-06 07:08:09] NOTICE[17103] res_pjsip/pjsip_distributor.c: Request 'REGISTER' from '\"test1\" <sip:admin@2.3.4.5>' failed for '192.0.2.6:5678' (callid: deadbeef) - No matching endpoint found | 192.0.2.6",
            "[2016-05-06 07:08:09] NOTICE[17103] res_pjsip/pjsip_distributor.c: Request 'REGISTER' from '<sip:192.0.2.6>' failed for '192.0.2.6:5678' (callid: deadbeef) - No matching endpoint found | 192.0.2.6",
    })
    void aFailureOfAUserThatIsNoNumberIsSkippedButKeptAsAFailureFromItsAddress(String line, String address) {
        assertThat(parser.parse(line)).isInstanceOfSatisfying(ParsedRegistrationLine.NotANumber.class, failure -> {
            assertThat(failure.kind()).isEqualTo("failed REGISTER of a user that is no number");
            assertThat(failure.record().number()).isNull();
            assertThat(failure.record().sourceIp()).isEqualTo(address);
        });
    }

    @Test
    void aHostileDisplayNameCannotForgeTheAddressOrReason() {
        RegistrationRecord record = parsed("[2026-11-02 10:15:04] NOTICE[1] chan_sip.c: Registration from "
                + "'\"x' failed for '192.0.2.1' - No matching peer found\" <sip:441632960001@pbx>' failed for "
                + "'198.51.100.7' - Wrong password");

        assertThat(record.sourceIp()).isEqualTo("198.51.100.7");
        assertThat(record.authResult()).isEqualTo(AuthResult.BAD_PASSWORD);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[2026-11-02 10:15:04] NOTICE[1] chan_sip.c: Registration from '<sip:441632960001@pbx>' failed for '0.0.0.0' - Wrong password | address",
            "[2026-11-02 10:15:04] NOTICE[1] chan_sip.c: Registration from '<sip:441632960001@pbx>' failed for '198.51.100.7:0' - Wrong password | address",
            "[2026-11-02 10:15:04] NOTICE[1] chan_sip.c: Registration from '<sip:441632960001@pbx>' failed for 'pbx.example:5060' - Wrong password | address",
            "[2026-02-30 10:15:04] NOTICE[1] chan_sip.c: Registration from '<sip:441632960001@pbx>' failed for '198.51.100.7' - Wrong password | time",
            "[1999-12-31 10:15:04] NOTICE[1] chan_sip.c: Registration from '<sip:441632960001@pbx>' failed for '198.51.100.7' - Wrong password | time",
            "[Feb 30 10:15:04] NOTICE[1] chan_sip.c: Registration from '<sip:441632960001@pbx>' failed for '198.51.100.7' - Wrong password | time",
    })
    void rejectsAFailedRegistrationWithABadField(String line, String field) {
        assertThat(parser.parse(line)).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.field()).isEqualTo(field));
    }

    private AuthResult authResult(String line) {
        return parsed(line).authResult();
    }

    private RegistrationRecord parsed(String line) {
        ParsedRegistrationLine result = parser.parse(line);
        assertThat(result).isInstanceOf(Parsed.class);
        return ((Parsed) result).record();
    }
}
