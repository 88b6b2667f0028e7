package org.voipguard.cdr.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.voipguard.cdr.CdrRecord;
import org.voipguard.cdr.InvalidCdrException;
import org.voipguard.cdr.formats.CdrFormatSettings.AsteriskCustomer;

/** Asterisk cdr_csv lines as Master.csv has them, the awkward ones included. */
class AsteriskCsvParserTest {

    /** Asterisk 16 with loguniqueid and loguserfield (its defaults): 21 columns. */
    private static final String ANSWERED = "\"\",\"441632960005\",\"0018765550123\",\"from-customers\","
            + "\"\"\"Carol, Acme\"\" <441632960005>\",\"PJSIP/441632960005-00000001\",\"PJSIP/trunk-00000002\","
            + "\"Dial\",\"PJSIP/0018765550123@trunk,60,tT\",\"2026-10-20 14:00:00\",\"2026-10-20 14:00:07\","
            + "\"2026-10-20 14:12:07\",727,720,\"ANSWERED\",\"DOCUMENTATION\",\"1792501200.1\",\"\",\"\",\"1792501200.1\",1";

    private final CdrFormatParser parser = SwitchLines.parsers().parser(CdrFormat.ASTERISK_CSV, OpenCalls.inMemory());

    @Test
    void anAnsweredCallWithCommasAndDoubledQuotesInItsCallerIdIsTheCustomersOutgoingCall() throws Exception {
        CdrRecord call = record(ANSWERED);

        assertThat(call.callId()).isEqualTo("1792501200.1-1");
        assertThat(call.number()).isEqualTo("+441632960005");
        assertThat(call.direction()).isEqualTo(CdrRecord.Direction.OUT);
        assertThat(call.called()).isEqualTo("+18765550123");
        assertThat(call.startTime()).isEqualTo(OffsetDateTime.parse("2026-10-20T14:00:00+01:00"));
        assertThat(call.durationS()).isEqualTo(720);
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.ratePpm()).isNull();
        assertThat(call.costGbp()).isNull();
    }

    @Test
    void anUnansweredCallHasAnEmptyAnswerTimeQuotedOrBare() throws Exception {
        String quoted = "\"\",\"1001\",\"01632960999\",\"from-customers\",\"\"\"Quiet\"\" <441632960004>\","
                + "\"SIP/441632960004-00000003\",\"SIP/trunk-00000004\",\"Dial\",\"SIP/01632960999@trunk,30\","
                + "\"2026-10-21 09:30:00\",\"\",\"2026-10-21 09:30:30\",30,0,\"NO ANSWER\",\"DOCUMENTATION\"";
        String bare = quoted.replace(",\"\",\"2026-10-21 09:30:30\"", ",,\"2026-10-21 09:30:30\"");

        assertThat(record(quoted).status()).isEqualTo(480);
        assertThat(record(bare).status()).isEqualTo(480);
        assertThat(record(quoted).durationS()).isZero();
        assertThat(record(quoted).called()).isEqualTo("+441632960999");
    }

    @Test
    void eachDispositionIsAStatus() throws Exception {
        assertThat(record(ANSWERED.replace("\"ANSWERED\"", "\"BUSY\"")).status()).isEqualTo(486);
        assertThat(record(ANSWERED.replace("\"ANSWERED\"", "\"FAILED\"")).status()).isEqualTo(500);
        assertThat(record(ANSWERED.replace("\"ANSWERED\"", "\"CONGESTION\"")).status()).isEqualTo(503);
    }

    @Test
    void theOptionalColumnGroupsAreToldFromTheColumnCount() throws Exception {
        String base = ANSWERED.substring(0, ANSWERED.indexOf(",\"1792501200.1\""));

        String hashed = record(base).callId();
        assertThat(hashed).startsWith("asterisk-").hasSize("asterisk-".length() + 32);
        assertThat(record(base).callId()).as("stable").isEqualTo(hashed);
        assertThat(record(base.replace("14:12:07", "14:12:08")).callId()).isNotEqualTo(hashed);
        assertThat(record(base + ",\"1792501200.9\"").callId()).isEqualTo("1792501200.9");
        assertThat(record(base + ",\"1792501200.9\",\"vip\"").callId()).isEqualTo("1792501200.9");
        assertThat(record(base + ",\"\",\"1792501200.9\",7").callId()).startsWith("asterisk-");
        assertThat(record(base + ",\"1792501200.9\",\"\",\"1792501200.9\",7").callId()).isEqualTo("1792501200.9-7");
    }

    @Test
    void aCallFromATrunkIsAnIncomingCallToTheDialledNumber() throws Exception {
        String incoming = ANSWERED.replace("\"PJSIP/441632960005-00000001\"", "\"PJSIP/trunk-00000005\"")
                .replace("\"0018765550123\"", "\"01632960001\"");

        CdrRecord call = record(incoming);

        assertThat(call.direction()).isEqualTo(CdrRecord.Direction.IN);
        assertThat(call.number()).isEqualTo("+441632960001");
    }

    @Test
    void theCustomerMayBeTheAccountCodeOrTheSourceAndTimesMayBeUtc() throws Exception {
        CdrFormatSettings byAccount = new CdrFormatSettings(
                new CdrFormatSettings.Asterisk(AsteriskCustomer.ACCOUNTCODE, true), CdrFormatSettings.defaults().freeswitch());
        CdrFormatParser accounts = SwitchLines.parsers(byAccount).parser(CdrFormat.ASTERISK_CSV, OpenCalls.inMemory());
        CdrFormatSettings bySource = new CdrFormatSettings(
                new CdrFormatSettings.Asterisk(AsteriskCustomer.SRC, false), CdrFormatSettings.defaults().freeswitch());
        CdrFormatParser sources = SwitchLines.parsers(bySource).parser(CdrFormat.ASTERISK_CSV, OpenCalls.inMemory());

        CdrRecord byAccountCode = ((ParsedCdr.Call) accounts.parse(ANSWERED.replaceFirst("\"\"", "\"01632960002\""))).record();
        assertThat(byAccountCode.number()).isEqualTo("+441632960002");
        assertThat(byAccountCode.startTime()).isEqualTo(OffsetDateTime.parse("2026-10-20T14:00:00Z"));
        assertThat(((ParsedCdr.Call) accounts.parse(ANSWERED)).record().direction()).isEqualTo(CdrRecord.Direction.IN);
        assertThat(((ParsedCdr.Call) sources.parse(ANSWERED)).record().number()).isEqualTo("+441632960005");
    }

    @Test
    void badLinesNameTheirField() {
        assertRejected(ANSWERED.replace("\"ANSWERED\"", "\"MAYBE\""), "disposition");
        assertRejected(ANSWERED.replace("\"2026-10-20 14:00:00\"", "\"2026-02-30 14:00:00\""), "start");
        assertRejected(ANSWERED.replace("\"2026-10-20 14:00:00\"", "\"20/10/2026 14:00\""), "start");
        assertRejected(ANSWERED.replace("\"2026-10-20 14:00:07\"", "\"soon\""), "answer");
        assertRejected(ANSWERED.replace(",720,", ",-5,"), "billsec");
        assertRejected(ANSWERED.replace("\"0018765550123\"", "\"s\""), "dst");
        assertRejected(ANSWERED.replace("\"1792501200.1\",\"\"", "\"has space\",\"\""), "uniqueid");
        assertRejected("\"a\",\"b\",\"c\"", "line");
        assertRejected("\"unfinished,\"b\"", "line");
    }

    private CdrRecord record(String line) throws InvalidCdrException {
        return ((ParsedCdr.Call) parser.parse(line)).record();
    }

    private void assertRejected(String line, String field) {
        assertThatThrownBy(() -> parser.parse(line)).as(line).isInstanceOfSatisfying(InvalidCdrException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
