package org.voipguard.cdr.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.voipguard.cdr.CdrRecord;
import org.voipguard.cdr.InvalidCdrException;
import org.voipguard.cdr.formats.CdrFormatSettings.FreeswitchCustomer;

/** FreeSWITCH mod_cdr_csv lines of its default "example" template. */
class FreeswitchCsvParserTest {

    private static final String ANSWERED = "\"Carol\",\"441632960005\",\"00447700900789\",\"default\","
            + "\"2026-10-23 10:00:00\",\"2026-10-23 10:00:05\",\"2026-10-23 10:20:05\",\"1205\",\"1200\","
            + "\"NORMAL_CLEARING\",\"a1b2c3d4-0000-4000-8000-000000000001\",\"a1b2c3d4-0000-4000-8000-000000000002\","
            + "\"441632960005\",\"PCMA\",\"PCMA\"";

    private final CdrFormatParser parser = SwitchLines.parsers().parser(CdrFormat.FREESWITCH_CSV, OpenCalls.inMemory());

    @Test
    void aNormallyClearedCallWithBillableSecondsIsAnsweredAndItsUuidIsTheCallId() throws Exception {
        CdrRecord call = record(ANSWERED);

        assertThat(call.callId()).isEqualTo("a1b2c3d4-0000-4000-8000-000000000001");
        assertThat(call.number()).isEqualTo("+441632960005");
        assertThat(call.direction()).isEqualTo(CdrRecord.Direction.OUT);
        assertThat(call.called()).isEqualTo("+447700900789");
        assertThat(call.startTime()).isEqualTo(OffsetDateTime.parse("2026-10-23T10:00:00+01:00"));
        assertThat(call.durationS()).isEqualTo(1200);
        assertThat(call.status()).isEqualTo(200);
    }

    @Test
    void aBusyCallWithoutAnswerIsNotAnsweredAndACallCutOffAfterAnswerIsPaidFor() throws Exception {
        String busy = ANSWERED.replace("\"2026-10-23 10:00:05\"", "\"\"").replace("\"1200\"", "\"0\"")
                .replace("NORMAL_CLEARING", "USER_BUSY");
        String cancelled = busy.replace("USER_BUSY", "ORIGINATOR_CANCEL");
        String timedOut = ANSWERED.replace("NORMAL_CLEARING", "ALLOTTED_TIMEOUT");
        String rare = busy.replace("USER_BUSY", "MANDATORY_IE_MISSING");

        assertThat(record(busy).status()).isEqualTo(486);
        assertThat(record(cancelled).status()).isEqualTo(487);
        assertThat(record(timedOut).status()).isEqualTo(200);
        assertThat(record(rare).status()).isEqualTo(500);
    }

    @Test
    void aCallWithoutAccountCodeCameFromOutsideAndTheCallerIdMayNameTheCustomer() throws Exception {
        String inbound = ANSWERED.replace("\"441632960005\",\"PCMA\"", "\"\",\"PCMA\"")
                .replace("\"00447700900789\"", "\"01632960003\"");
        CdrFormatSettings byCallerId = new CdrFormatSettings(CdrFormatSettings.defaults().asterisk(),
                new CdrFormatSettings.Freeswitch(FreeswitchCustomer.CALLER_ID_NUMBER));
        CdrFormatParser callerIds = SwitchLines.parsers(byCallerId).parser(CdrFormat.FREESWITCH_CSV, OpenCalls.inMemory());

        assertThat(record(inbound).direction()).isEqualTo(CdrRecord.Direction.IN);
        assertThat(record(inbound).number()).isEqualTo("+441632960003");
        assertThat(((ParsedCdr.Call) callerIds.parse(inbound)).record().number()).isEqualTo("+441632960005");
    }

    @Test
    void aNationalNumberIsInTheDefaultCountry() throws Exception {
        CdrFormatParser us = SwitchLines.parsers(CdrFormatSettings.defaults(), "US").parser(CdrFormat.FREESWITCH_CSV, OpenCalls.inMemory());
        String line = ANSWERED.replace("\"441632960005\",\"PCMA\"", "\"2025550123\",\"PCMA\"")
                .replace("\"00447700900789\"", "\"(212) 555-0188\"");

        CdrRecord call = ((ParsedCdr.Call) us.parse(line)).record();

        assertThat(call.number()).isEqualTo("+12025550123");
        assertThat(call.called()).isEqualTo("+12125550188");
    }

    @Test
    void badLinesNameTheirField() {
        assertRejected(ANSWERED.replace("a1b2c3d4-0000-4000-8000-000000000001", ""), "uuid");
        assertRejected(ANSWERED.replace("NORMAL_CLEARING", "normal clearing!"), "hangup_cause");
        assertRejected(ANSWERED.replace("\"1200\"", "\"12.5\""), "billsec");
        assertRejected(ANSWERED.replace("\"2026-10-23 10:20:05\"", "\"\""), "end_stamp");
        assertRejected(ANSWERED.replace("\"441632960005\",\"PCMA\"", "\"alice\",\"PCMA\""), "accountcode");
        assertRejected(ANSWERED + ",\"extra\"", "line");
    }

    private CdrRecord record(String line) throws InvalidCdrException {
        return ((ParsedCdr.Call) parser.parse(line)).record();
    }

    private void assertRejected(String line, String field) {
        assertThatThrownBy(() -> parser.parse(line)).as(line).isInstanceOfSatisfying(InvalidCdrException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
