package org.voipguard.cdr.formats;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.voipguard.cdr.CdrRecord;
import org.voipguard.cdr.InvalidCdrException;
import org.voipguard.cdr.formats.CdrFormatSettings.FreeswitchCustomer;

/**
 * FreeSWITCH mod_cdr_csv with its default {@code example} template: {@code caller_id_name,
 * caller_id_number, destination_number, context, start_stamp, answer_stamp, end_stamp, duration,
 * billsec, hangup_cause, uuid, bleg_uuid, accountcode, read_codec, write_codec}, all quoted,
 * times in the switch's local time. The call id is the {@code uuid}; the duration is
 * {@code billsec}, and a call with billable seconds was answered.
 */
final class FreeswitchCsvParser implements CdrFormatParser {

    static final int COLUMNS = 15;
    private static final int CALLER_ID_NUMBER = 1;
    private static final int DESTINATION_NUMBER = 2;
    private static final int START_STAMP = 4;
    private static final int ANSWER_STAMP = 5;
    private static final int END_STAMP = 6;
    private static final int BILLSEC = 8;
    private static final int HANGUP_CAUSE = 9;
    private static final int UUID = 10;
    private static final int ACCOUNTCODE = 12;
    private static final Pattern CAUSE = Pattern.compile("[A-Z0-9_]{1,64}");

    /** FreeSWITCH's own mapping of the usual Q.850 causes of unanswered calls to SIP statuses. */
    private static final Map<String, Integer> UNANSWERED = Map.ofEntries(
            Map.entry("UNALLOCATED_NUMBER", 404), Map.entry("NO_ROUTE_DESTINATION", 404),
            Map.entry("NO_ROUTE_TRANSIT_NET", 404), Map.entry("USER_BUSY", 486), Map.entry("NO_USER_RESPONSE", 408),
            Map.entry("NO_ANSWER", 480), Map.entry("SUBSCRIBER_ABSENT", 480), Map.entry("CALL_REJECTED", 603),
            Map.entry("NUMBER_CHANGED", 410), Map.entry("INVALID_NUMBER_FORMAT", 484),
            Map.entry("NORMAL_TEMPORARY_FAILURE", 503), Map.entry("NORMAL_CIRCUIT_CONGESTION", 503),
            Map.entry("SWITCH_CONGESTION", 503), Map.entry("ORIGINATOR_CANCEL", 487),
            Map.entry("NORMAL_CLEARING", 487), Map.entry("RECOVERY_ON_TIMER_EXPIRE", 408),
            Map.entry("INCOMPATIBLE_DESTINATION", 488), Map.entry("BEARERCAPABILITY_NOTAVAIL", 488));

    private final FreeswitchCustomer customerField;
    private final SwitchNumbers numbers;
    private final SwitchFields fields;

    FreeswitchCsvParser(FreeswitchCustomer customerField, SwitchNumbers numbers, SwitchFields fields) {
        this.customerField = customerField;
        this.numbers = numbers;
        this.fields = fields;
    }

    @Override
    public ParsedCdr parse(String line) throws InvalidCdrException {
        List<String> cells = SwitchFields.cells(line);
        if (cells.size() != COLUMNS) {
            throw new InvalidCdrException("line", "expected " + COLUMNS
                    + " columns (FreeSWITCH Master.csv, example template), found " + cells.size());
        }
        OffsetDateTime start = fields.localTime(cells.get(START_STAMP), "start_stamp");
        if (!cells.get(ANSWER_STAMP).isEmpty()) {
            fields.localTime(cells.get(ANSWER_STAMP), "answer_stamp");
        }
        fields.localTime(cells.get(END_STAMP), "end_stamp");
        int billsec = SwitchFields.seconds(cells.get(BILLSEC), "billsec");
        int status = status(cells.get(HANGUP_CAUSE), billsec);
        String callId = SwitchFields.callId(cells.get(UUID), "uuid");
        String customer = customerNumber(cells);
        if (customer != null) {
            String called = numbers.e164(cells.get(DESTINATION_NUMBER), "destination_number");
            return new ParsedCdr.Call(new CdrRecord(callId, customer, CdrRecord.Direction.OUT, start, billsec, called,
                    null, null, status));
        }
        String number = numbers.e164(cells.get(DESTINATION_NUMBER), "destination_number");
        return new ParsedCdr.Call(new CdrRecord(callId, number, CdrRecord.Direction.IN, start, billsec, number,
                null, null, status));
    }

    /**
     * Answered (200) when it has billable seconds: {@code NORMAL_CLEARING} as a rule, but a call
     * cut off after it was answered ({@code ALLOTTED_TIMEOUT}, {@code MEDIA_TIMEOUT}) was still
     * answered and is paid for. Otherwise the cause's SIP status, 500 for the rare ones.
     */
    private static int status(String cause, int billsec) throws InvalidCdrException {
        if (!CAUSE.matcher(cause).matches()) {
            throw new InvalidCdrException("hangup_cause", "must be a hangup cause such as NORMAL_CLEARING, got \""
                    + Shown.of(cause) + "\"");
        }
        if (billsec > 0) {
            return 200;
        }
        return UNANSWERED.getOrDefault(cause, 500);
    }

    /** The customer's E.164 number, or null for an incoming call (no account code: not from a user of the switch). */
    private String customerNumber(List<String> cells) throws InvalidCdrException {
        return switch (customerField) {
            case ACCOUNTCODE -> cells.get(ACCOUNTCODE).isEmpty() ? null
                    : numbers.e164(cells.get(ACCOUNTCODE), "accountcode");
            case CALLER_ID_NUMBER -> numbers.e164(cells.get(CALLER_ID_NUMBER), "caller_id_number");
        };
    }
}
