package org.voipguard.cdr.formats;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.voipguard.cdr.CdrRecord;
import org.voipguard.cdr.InvalidCdrException;

/**
 * Kamailio's acc module writing to syslog, bare or behind a syslog prefix:
 * {@code ACC: transaction answered: timestamp=…;method=INVITE;from_tag=…;to_tag=…;call_id=…;code=200;reason=OK;src_user=…;…}
 * and {@code ACC: call missed: …}, with the extra fields of Kamailio's stock configuration
 * ({@code src_user, src_domain, src_ip, dst_ouser, dst_user, dst_domain}). The caller is
 * {@code src_user}, the dialled number {@code dst_user} (else {@code dst_ouser}). An answered
 * INVITE opens a call that its BYE completes, in this file or a later one; an INVITE that
 * failed (a final code from 300) is a call that was not answered.
 */
final class KamailioAccParser implements CdrFormatParser {

    static final String MARK = "ACC: ";
    static final String WAITING = "answered INVITEs (completed by their BYE)";

    private final SwitchNumbers numbers;
    private final SwitchFields fields;
    private final OpenCalls calls;

    KamailioAccParser(SwitchNumbers numbers, SwitchFields fields, OpenCalls calls) {
        this.numbers = numbers;
        this.fields = fields;
        this.calls = calls;
    }

    @Override
    public ParsedCdr parse(String line) throws InvalidCdrException {
        int at = line.indexOf(MARK);
        if (at < 0) {
            return new ParsedCdr.Skipped("other log lines");
        }
        String event = line.substring(at + MARK.length());
        int colon = event.indexOf(':');
        if (colon < 0) {
            throw new InvalidCdrException("line", "an acc line reads 'ACC: <what>: timestamp=…;method=…;…', got \""
                    + Shown.of(event) + "\"");
        }
        Map<String, String> values = pairs(event.substring(colon + 1));
        String method = required(values, "method").toUpperCase(Locale.ROOT);
        OffsetDateTime time = fields.epochSeconds(required(values, "timestamp"), "timestamp");
        String callId = SwitchFields.callId(required(values, "call_id"), "call_id");
        int code = code(required(values, "code"));
        return switch (method) {
            case "INVITE" -> invite(values, callId, time, code);
            case "BYE" -> bye(callId, time);
            default -> new ParsedCdr.Skipped("other SIP methods");
        };
    }

    private ParsedCdr invite(Map<String, String> values, String callId, OffsetDateTime time, int code)
            throws InvalidCdrException {
        if (code < 200) {
            return new ParsedCdr.Skipped("provisional replies");
        }
        String number = numbers.e164(required(values, "src_user"), "src_user");
        String dialled = values.getOrDefault("dst_user", "");
        String called = dialled.isEmpty() ? numbers.e164(required(values, "dst_ouser"), "dst_ouser")
                : numbers.e164(dialled, "dst_user");
        if (code >= 300) {
            return new ParsedCdr.Call(new CdrRecord(callId, number, CdrRecord.Direction.OUT, time, 0, called,
                    null, null, code));
        }
        if (calls.stored(callId)) {
            return new ParsedCdr.Skipped("lines of calls stored before");
        }
        calls.open(new OpenCalls.Leg(callId, number, called, time));
        return new ParsedCdr.Skipped(WAITING);
    }

    private ParsedCdr bye(String callId, OffsetDateTime time) throws InvalidCdrException {
        Optional<OpenCalls.Leg> opened = calls.close(callId);
        if (opened.isEmpty()) {
            if (calls.stored(callId)) {
                return new ParsedCdr.Skipped("lines of calls stored before");
            }
            throw new InvalidCdrException("call_id", "a BYE whose answered INVITE was never imported: \""
                    + Shown.of(callId) + "\"");
        }
        OpenCalls.Leg leg = opened.get();
        long seconds = Duration.between(leg.start(), time).toSeconds();
        if (seconds < 0 || seconds > SwitchFields.MAX_DURATION_S) {
            throw new InvalidCdrException("timestamp", "the BYE at " + time.toInstant() + " is " + (seconds < 0
                    ? "before its INVITE at " + leg.start().toInstant()
                    : "more than " + SwitchFields.MAX_DURATION_S + " seconds after its INVITE"));
        }
        return new ParsedCdr.Call(new CdrRecord(callId, leg.number(), CdrRecord.Direction.OUT, leg.start(),
                (int) seconds, leg.called(), null, null, 200));
    }

    /** {@code a=1;b=2}: a value runs to the next semicolon; a repeated name keeps its first value. */
    static Map<String, String> pairs(String text) {
        Map<String, String> values = new HashMap<>();
        for (String pair : text.strip().split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.putIfAbsent(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return values;
    }

    private static String required(Map<String, String> values, String name) throws InvalidCdrException {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidCdrException(name, "missing: an acc line needs " + name + "=…");
        }
        return value;
    }

    private static int code(String value) throws InvalidCdrException {
        try {
            int code = Integer.parseInt(value);
            if (code >= 100 && code <= 699) {
                return code;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidCdrException("code", "must be a SIP status code (100-699), got \"" + Shown.of(value) + "\"");
    }
}
