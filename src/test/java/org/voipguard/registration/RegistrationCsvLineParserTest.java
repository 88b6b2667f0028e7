package org.voipguard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.voipguard.registration.ParsedRegistrationLine.Parsed;
import org.voipguard.registration.ParsedRegistrationLine.Rejected;
import org.voipguard.registration.ParsedRegistrationLine.Skipped;

class RegistrationCsvLineParserTest {

    private static final String GOOD_LINE =
            "2026-11-02T10:15:04+00:00,+441632960001,203.0.113.9,5060,UDP,Yealink SIP-T46S 66.86.0.15,OK,3600";

    private final RegistrationCsvLineParser parser = new RegistrationCsvLineParser();

    @Test
    void readsEveryFieldOfAGoodLine() {
        ParsedRegistrationLine result = parser.parse(GOOD_LINE);

        assertThat(result).isEqualTo(new Parsed(new RegistrationRecord(
                Instant.parse("2026-11-02T10:15:04Z"), "+441632960001", "203.0.113.9", 5060, "UDP",
                "Yealink SIP-T46S 66.86.0.15", AuthResult.OK, 3600)));
    }

    @Test
    void convertsTheOffsetToAnInstantAndUpperCasesTransportAndResult() {
        RegistrationRecord record = parsed(
                "2026-11-02T11:15:04.250+01:00,+441632960001,203.0.113.9,5061,tls,Linphone/5.2,bad_password,0");

        assertThat(record.time()).isEqualTo(Instant.parse("2026-11-02T10:15:04.250Z"));
        assertThat(record.transport()).isEqualTo("TLS");
        assertThat(record.authResult()).isEqualTo(AuthResult.BAD_PASSWORD);
        assertThat(record.expiresS()).isZero();
    }

    @Test
    void readsEmptyUserAgentAndEmptyExpiryAsNull() {
        RegistrationRecord record = parsed("2026-11-02T10:15:04Z,+441632960001,203.0.113.9,5060,UDP,,UNKNOWN_USER,");

        assertThat(record.userAgent()).isNull();
        assertThat(record.expiresS()).isNull();
        assertThat(record.authResult()).isEqualTo(AuthResult.UNKNOWN_USER);
    }

    @ParameterizedTest(name = "{0} bad: {1}")
    @CsvSource(delimiter = '|', value = {
            "time        | 2026-11-02T10:15:04,+441632960001,203.0.113.9,5060,UDP,UA,OK,3600",
            "time        | 2026-11-02 10:15:04+00:00,+441632960001,203.0.113.9,5060,UDP,UA,OK,3600",
            "time        | yesterday,+441632960001,203.0.113.9,5060,UDP,UA,OK,3600",
            "number      | 2026-11-02T10:15:04Z,441632960001,203.0.113.9,5060,UDP,UA,OK,3600",
            "number      | 2026-11-02T10:15:04Z,+12345,203.0.113.9,5060,UDP,UA,OK,3600",
            "number      | 2026-11-02T10:15:04Z,+4416329600011234,203.0.113.9,5060,UDP,UA,OK,3600",
            "number      | 2026-11-02T10:15:04Z,+44 1632 960001,203.0.113.9,5060,UDP,UA,OK,3600",
            "source_ip   | 2026-11-02T10:15:04Z,+441632960001,203.0.113.256,5060,UDP,UA,OK,3600",
            "source_ip   | 2026-11-02T10:15:04Z,+441632960001,203.0.113.0/24,5060,UDP,UA,OK,3600",
            "source_ip   | 2026-11-02T10:15:04Z,+441632960001,,5060,UDP,UA,OK,3600",
            "source_ip   | 2026-11-02T10:15:04Z,+441632960001,pbx.example.net,5060,UDP,UA,OK,3600",
            "source_ip   | 2026-11-02T10:15:04Z,+441632960001,0.0.0.0,5060,UDP,UA,OK,3600",
            "source_ip   | 2026-11-02T10:15:04Z,+441632960001,::,5060,UDP,UA,OK,3600",
            "source_ip   | 2026-11-02T10:15:04Z,+441632960001,::ffff:0.0.0.0,5060,UDP,UA,OK,3600",
            "source_ip   | 2026-11-02T10:15:04Z,+441632960001,\"203.0.113.9,203.0.113.10\",5060,UDP,UA,OK,3600",
            "source_port | 2026-11-02T10:15:04Z,+441632960001,203.0.113.9,0,UDP,UA,OK,3600",
            "source_port | 2026-11-02T10:15:04Z,+441632960001,203.0.113.9,65536,UDP,UA,OK,3600",
            "source_port | 2026-11-02T10:15:04Z,+441632960001,203.0.113.9,-1,UDP,UA,OK,3600",
            "source_port | 2026-11-02T10:15:04Z,+441632960001,203.0.113.9,,UDP,UA,OK,3600",
            "transport   | 2026-11-02T10:15:04Z,+441632960001,203.0.113.9,5060,SCTP,UA,OK,3600",
            "auth_result | 2026-11-02T10:15:04Z,+441632960001,203.0.113.9,5060,UDP,UA,FAILED,3600",
            "auth_result | 2026-11-02T10:15:04Z,+441632960001,203.0.113.9,5060,UDP,UA,,3600",
            "expires_s   | 2026-11-02T10:15:04Z,+441632960001,203.0.113.9,5060,UDP,UA,OK,604801",
            "expires_s   | 2026-11-02T10:15:04Z,+441632960001,203.0.113.9,5060,UDP,UA,OK,-5",
            "expires_s   | 2026-11-02T10:15:04Z,+441632960001,203.0.113.9,5060,UDP,UA,OK,1h",
    })
    void rejectsABadFieldNamingIt(String field, String line) {
        ParsedRegistrationLine result = parser.parse(line);

        assertThat(result).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.field()).isEqualTo(field));
    }

    @Test
    void quotesTheOffendingValueInTheReason() {
        Rejected rejected = (Rejected) parser.parse(GOOD_LINE.replace("+441632960001", "+44x"));

        assertThat(rejected.reason()).contains("E.164").contains("'+44x'");
    }

    @Test
    void readsAQuotedUserAgentHoldingCommasAndQuotes() {
        RegistrationRecord record = parsed("2026-11-02T10:15:04Z,+441632960001,203.0.113.9,5060,UDP,"
                + "\"Acme Phone, v2 \"\"beta\"\", build=7\",OK,3600");

        assertThat(record.userAgent()).isEqualTo("Acme Phone, v2 \"beta\", build=7");
        assertThat(record.authResult()).isEqualTo(AuthResult.OK);
    }

    @ParameterizedTest(name = "{0} is stored as {1}")
    @CsvSource({
            "2001:DB8:0:0:0:0:0:5, 2001:db8::5",
            "2001:db8::5, 2001:db8::5",
            "[2001:db8::5], 2001:db8::5",
            "::ffff:203.0.113.9, 203.0.113.9",
            "::FFFF:CB00:7109, 203.0.113.9",
            "' 203.0.113.9 ', 203.0.113.9",
    })
    void storesTheCanonicalFormOfTheSourceAddress(String written, String stored) {
        RegistrationRecord record = parsed(GOOD_LINE.replace("203.0.113.9", '"' + written + '"'));

        assertThat(record.sourceIp()).isEqualTo(stored);
    }

    @Test
    void cutsAHugeUserAgentTo512Characters() {
        String megabyte = "A".repeat(1024 * 1024);

        RegistrationRecord record = parsed(GOOD_LINE.replace("Yealink SIP-T46S 66.86.0.15", megabyte));

        assertThat(record.userAgent()).isEqualTo("A".repeat(512));
    }

    @Test
    void neverSplitsASurrogatePairWhenCutting() {
        String userAgent = "a".repeat(511) + "\uD83D\uDCDE" + "tail";

        RegistrationRecord record = parsed(GOOD_LINE.replace("Yealink SIP-T46S 66.86.0.15", userAgent));

        assertThat(record.userAgent()).isEqualTo("a".repeat(511));
    }

    @Test
    void removesNulButKeepsOtherControlCharactersOfTheUserAgent() {
        String userAgent = "Bad\0Phone\u001b[31m\u0007";

        RegistrationRecord record = parsed(GOOD_LINE.replace("Yealink SIP-T46S 66.86.0.15", userAgent));

        assertThat(record.userAgent()).isEqualTo("BadPhone\u001b[31m\u0007");
    }

    @Test
    void readsAUserAgentOfNulsOnlyAsNull() {
        RegistrationRecord record = parsed(GOOD_LINE.replace("Yealink SIP-T46S 66.86.0.15", "\0\0"));

        assertThat(record.userAgent()).isNull();
    }

    @ParameterizedTest(name = "{0} columns")
    @CsvSource({
            "7, '2026-11-02T10:15:04Z,+441632960001,203.0.113.9,5060,UDP,OK,3600'",
            "9, '2026-11-02T10:15:04Z,+441632960001,203.0.113.9,5060,UDP,UA,OK,3600,extra'",
            "1, 'just one cell'",
    })
    void rejectsAWrongColumnCountNamingTheExpectedCount(int found, String line) {
        ParsedRegistrationLine result = parser.parse(line);

        assertThat(result).isEqualTo(new Rejected("columns",
                "8 columns expected (" + RegistrationCsvLineParser.HEADER + "), found " + found));
    }

    @Test
    void rejectsAQuoteThatIsNeverClosed() {
        ParsedRegistrationLine result = parser.parse(GOOD_LINE.replace("Yealink", "\"Yealink"));

        assertThat(result).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.field()).isEqualTo("line"));
    }

    @Test
    void skipsABlankLine() {
        assertThat(parser.parse("   ")).isEqualTo(new Skipped("blank line"));
    }

    @Test
    void acceptsTheExactHeaderWithOrWithoutByteOrderMarkAndSpaces() {
        assertThatCode(() -> parser.validateHeader(RegistrationCsvLineParser.HEADER)).doesNotThrowAnyException();
        assertThatCode(() -> parser.validateHeader("\uFEFF" + RegistrationCsvLineParser.HEADER + " \r"))
                .doesNotThrowAnyException();
        assertThatCode(() -> parser.validateHeader("  " + RegistrationCsvLineParser.HEADER))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnyOtherHeaderNamingTheExpectedOne() {
        String reordered = "number,time,source_ip,source_port,transport,user_agent,auth_result,expires_s";

        for (String header : new String[] {reordered, RegistrationCsvLineParser.HEADER.toUpperCase(), "", null}) {
            assertThatThrownBy(() -> parser.validateHeader(header))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(RegistrationCsvLineParser.HEADER);
        }
    }

    private RegistrationRecord parsed(String line) {
        ParsedRegistrationLine result = parser.parse(line);
        assertThat(result).isInstanceOf(Parsed.class);
        return ((Parsed) result).record();
    }
}
