package org.voipguard.cdr.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.voipguard.cdr.CdrRecord;
import org.voipguard.cdr.InvalidCdrException;

/** Kamailio acc syslog lines, with the extra fields of its stock configuration. */
class KamailioAccParserTest {

    private static final String SYSLOG = "Oct 24 09:00:00 sip1 /usr/sbin/kamailio[2315]: NOTICE: acc [acc.c:281]: "
            + "acc_log_request(): ";
    private static final String INVITE = "ACC: transaction answered: timestamp=1792828800;method=INVITE;"
            + "from_tag=8f2c1a9e;to_tag=as5f1c0d2b;call_id=4c1f2a7b1e9d@192.0.2.10;code=200;reason=OK;"
            + "src_user=441632960003;src_domain=sip.example.net;src_ip=198.51.100.7;dst_ouser=0033140000000;"
            + "dst_user=0033140000000;dst_domain=sip.example.net";
    private static final String BYE = INVITE.replace("timestamp=1792828800;method=INVITE", "timestamp=1792830600;method=BYE")
            .replace("src_user=441632960003", "src_user=0033140000000");

    private final OpenCalls calls = OpenCalls.inMemory();
    private final CdrFormatParser parser = SwitchLines.parsers().parser(CdrFormat.KAMAILIO_ACC, calls);

    @Test
    void anAnsweredInviteWaitsForItsByeWhichGivesTheDuration() throws Exception {
        ParsedCdr invite = parser.parse(SYSLOG + INVITE);
        ParsedCdr bye = parser.parse(SYSLOG + BYE);

        assertThat(invite).isEqualTo(new ParsedCdr.Skipped(KamailioAccParser.WAITING));
        CdrRecord call = ((ParsedCdr.Call) bye).record();
        assertThat(call.callId()).isEqualTo("4c1f2a7b1e9d@192.0.2.10");
        assertThat(call.number()).as("the INVITE's caller, not the BYE's").isEqualTo("+441632960003");
        assertThat(call.called()).isEqualTo("+33140000000");
        assertThat(call.startTime()).isEqualTo(OffsetDateTime.parse("2026-10-24T08:00:00Z"));
        assertThat(call.durationS()).isEqualTo(1800);
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.direction()).isEqualTo(CdrRecord.Direction.OUT);
    }

    @Test
    void aByeInALaterFileCompletesTheCallThroughTheOpenCalls() throws Exception {
        parser.parse(INVITE);
        CdrFormatParser nextFile = SwitchLines.parsers().parser(CdrFormat.KAMAILIO_ACC, calls);

        ParsedCdr bye = nextFile.parse(BYE);

        assertThat(((ParsedCdr.Call) bye).record().durationS()).isEqualTo(1800);
        assertThat(calls.close("4c1f2a7b1e9d@192.0.2.10")).isEmpty();
    }

    @Test
    void aMissedCallIsAnUnansweredCallAtOnceFromAnIpv6Source() throws Exception {
        String missed = "ACC: call missed: timestamp=1792832400;method=INVITE;from_tag=beef0042;to_tag=;"
                + "call_id=77a1b2c3@2001:db8::10;code=486;reason=Busy Here;src_user=+441632960001;"
                + "src_domain=sip.example.net;src_ip=2001:db8::10;dst_ouser=01632960999;dst_user=;dst_domain=sip.example.net";

        CdrRecord call = ((ParsedCdr.Call) parser.parse(SYSLOG + missed)).record();

        assertThat(call.status()).isEqualTo(486);
        assertThat(call.durationS()).isZero();
        assertThat(call.called()).as("dst_ouser when dst_user is empty").isEqualTo("+441632960999");
    }

    @Test
    void otherMethodsAndOtherLogLinesAreSkipped() throws Exception {
        String ack = INVITE.replace("transaction answered", "request acknowledged").replace("method=INVITE", "method=ACK");

        assertThat(parser.parse(ack)).isEqualTo(new ParsedCdr.Skipped("other SIP methods"));
        assertThat(parser.parse("Oct 24 09:31:12 sip1 /usr/sbin/kamailio[2315]: WARNING: <core> [core/tcp_main.c:1301]: "
                + "find_listening_sock_info(): binding failed")).isInstanceOf(ParsedCdr.Skipped.class);
        assertThat(parser.parse(INVITE.replace("code=200;reason=OK", "code=183;reason=Session Progress")))
                .isEqualTo(new ParsedCdr.Skipped("provisional replies"));
    }

    @Test
    void badLinesNameTheirField() throws Exception {
        assertRejected(BYE, "call_id");
        assertRejected(INVITE.replace("call_id=4c1f2a7b1e9d@192.0.2.10;", ""), "call_id");
        assertRejected(INVITE.replace("timestamp=1792828800", "timestamp=yesterday"), "timestamp");
        assertRejected(INVITE.replace("code=200", "code=2000"), "code");
        assertRejected(INVITE.replace("src_user=441632960003", "src_user=alice"), "src_user");
        assertRejected(INVITE.replace("dst_user=0033140000000", "dst_user=voicemail"), "dst_user");
        assertRejected("ACC: transaction answered timestamp=1", "line");
        parser.parse(INVITE);
        assertRejected(BYE.replace("timestamp=1792830600", "timestamp=1792828000"), "timestamp");
    }

    private void assertRejected(String line, String field) {
        assertThatThrownBy(() -> parser.parse(line)).as(line).isInstanceOfSatisfying(InvalidCdrException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
