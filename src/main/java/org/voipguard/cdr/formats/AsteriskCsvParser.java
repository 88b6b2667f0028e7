package org.voipguard.cdr.formats;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.voipguard.cdr.CdrRecord;
import org.voipguard.cdr.InvalidCdrException;
import org.voipguard.cdr.formats.CdrFormatSettings.AsteriskCustomer;

/**
 * Asterisk cdr_csv's {@code Master.csv}: {@code accountcode, src, dst, dcontext, clid, channel,
 * dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags},
 * then, when configured, {@code uniqueid}, {@code userfield} and {@code peeraccount, linkedid,
 * sequence}, each group told from the column count. The duration is {@code billsec}; only
 * {@code ANSWERED} is answered.
 */
final class AsteriskCsvParser implements CdrFormatParser {

    static final int BASE_COLUMNS = 16;
    static final int MAX_COLUMNS = 21;
    private static final int SRC = 1;
    private static final int DST = 2;
    private static final int CHANNEL = 5;
    private static final int DSTCHANNEL = 6;
    private static final int START = 9;
    private static final int ANSWER = 10;
    private static final int END = 11;
    private static final int BILLSEC = 13;
    private static final int DISPOSITION = 14;
    private static final int UNIQUEID = 16;

    /** The SIP status each disposition stands for, as the canonical CSV's {@code status} keeps it. */
    static final Map<String, Integer> DISPOSITIONS = Map.of(
            "ANSWERED", 200, "NO ANSWER", 480, "BUSY", 486, "FAILED", 500, "CONGESTION", 503);

    private final AsteriskCustomer customerField;
    private final SwitchNumbers numbers;
    private final SwitchFields fields;

    AsteriskCsvParser(AsteriskCustomer customerField, SwitchNumbers numbers, SwitchFields fields) {
        this.customerField = customerField;
        this.numbers = numbers;
        this.fields = fields;
    }

    /** The optional column groups a record of this many columns has. */
    record Layout(boolean uniqueid, boolean userfield, boolean peer) {

        static Layout of(int columns) {
            return switch (columns) {
                case 16 -> new Layout(false, false, false);
                case 17 -> new Layout(true, false, false);
                case 18 -> new Layout(true, true, false);
                case 19 -> new Layout(false, false, true);
                case 20 -> new Layout(true, false, true);
                case 21 -> new Layout(true, true, true);
                default -> null;
            };
        }

        int sequenceColumn(int columns) {
            return peer ? columns - 1 : -1;
        }
    }

    @Override
    public ParsedCdr parse(String line) throws InvalidCdrException {
        List<String> cells = SwitchFields.cells(line);
        Layout layout = Layout.of(cells.size());
        if (layout == null) {
            throw new InvalidCdrException("line", "expected " + BASE_COLUMNS + " to " + MAX_COLUMNS
                    + " columns (Asterisk Master.csv), found " + cells.size());
        }
        OffsetDateTime start = fields.localTime(cells.get(START), "start");
        if (!cells.get(ANSWER).isEmpty()) {
            fields.localTime(cells.get(ANSWER), "answer");
        }
        fields.localTime(cells.get(END), "end");
        int billsec = SwitchFields.seconds(cells.get(BILLSEC), "billsec");
        int status = status(cells.get(DISPOSITION));
        String callId = callId(cells, layout);
        String customer = customerNumber(cells);
        if (customer != null) {
            String called = numbers.e164(cells.get(DST), "dst");
            return new ParsedCdr.Call(new CdrRecord(callId, customer, CdrRecord.Direction.OUT, start, billsec, called,
                    null, null, status));
        }
        String number = numbers.e164(cells.get(DST), "dst");
        return new ParsedCdr.Call(new CdrRecord(callId, number, CdrRecord.Direction.IN, start, billsec, number,
                null, null, status));
    }

    private static int status(String disposition) throws InvalidCdrException {
        Integer status = DISPOSITIONS.get(disposition);
        if (status == null) {
            throw new InvalidCdrException("disposition", "must be ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION, got \""
                    + Shown.of(disposition) + "\"");
        }
        return status;
    }

    /**
     * The uniqueid, with the sequence number when the file has one (Asterisk 12 and later write
     * several records for one channel, after a transfer say); else a hash of the record's fields.
     */
    private static String callId(List<String> cells, Layout layout) throws InvalidCdrException {
        int sequence = layout.sequenceColumn(cells.size());
        if (layout.uniqueid() && !cells.get(UNIQUEID).isEmpty()) {
            String uniqueid = SwitchFields.callId(cells.get(UNIQUEID), "uniqueid");
            return sequence < 0 ? uniqueid : SwitchFields.callId(uniqueid + "-" + cells.get(sequence), "sequence");
        }
        List<String> identity = new ArrayList<>(List.of(cells.get(0), cells.get(SRC), cells.get(DST),
                cells.get(CHANNEL), cells.get(DSTCHANNEL), cells.get(START), cells.get(END)));
        if (sequence >= 0) {
            identity.add(cells.get(sequence));
        }
        return SwitchFields.hashedCallId("asterisk-", identity);
    }

    /**
     * The customer's E.164 number, or null for an incoming call: one whose calling channel is not
     * a customer's endpoint (a trunk's), or whose account code is empty.
     */
    private String customerNumber(List<String> cells) throws InvalidCdrException {
        return switch (customerField) {
            case CHANNEL -> {
                String endpoint = endpoint(cells.get(CHANNEL));
                yield SwitchNumbers.looksLikeNumber(endpoint) ? numbers.e164(endpoint, "channel") : null;
            }
            case ACCOUNTCODE -> cells.get(0).isEmpty() ? null : numbers.e164(cells.get(0), "accountcode");
            case SRC -> numbers.e164(cells.get(SRC), "src");
        };
    }

    /** {@code 441632960001} in {@code PJSIP/441632960001-0000002a} or {@code SIP/441632960001-00000001}. */
    static String endpoint(String channel) {
        int slash = channel.indexOf('/');
        int dash = channel.lastIndexOf('-');
        String name = dash > slash ? channel.substring(slash + 1, dash) : channel.substring(slash + 1);
        int at = name.indexOf('@');
        return at >= 0 ? name.substring(0, at) : name;
    }
}
