package org.voipguard.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.voipguard.imports.CsvCells;

/**
 * Writes the benchmark's registration log again in a switch's format, line for line, so each
 * format's import can be measured on the same registrations: {@code kamailio} (every line as a
 * {@code VOIPGUARD-REGISTER} line), {@code asterisk-security} (SuccessfulAuth, InvalidPassword,
 * InvalidAccountID) and {@code asterisk-log}, which logs failures only: every line becomes a
 * failed REGISTER, chan_sip and PJSIP in turn, a wrong password for an accepted one. A line the
 * CSV cannot split is written as it is, and is rejected like the bad lines it carries over.
 */
final class SwitchLogs {

    private static final DateTimeFormatter ASTERISK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.of("Europe/London"));

    private SwitchLogs() {
    }

    static Path write(Path csv, String format) {
        Path target = csv.resolveSibling("registrations." + format + ".log");
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            in.readLine();
            long index = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(convert(line, format, index++));
                out.write('\n');
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static String convert(String line, String format, long index) {
        List<String> c;
        try {
            c = CsvCells.split(line);
        } catch (CsvCells.MalformedCsvException e) {
            return line;
        }
        OffsetDateTime time = OffsetDateTime.parse(c.get(0));
        String user = c.get(1).substring(1);
        return switch (format) {
            case "kamailio" -> "Oct  1 00:00:00 sbc kamailio[1742]: NOTICE: <script>: VOIPGUARD-REGISTER ts="
                    + time.toEpochSecond() + " user=" + user + " ip=" + c.get(2) + " port=" + c.get(3) + " proto="
                    + c.get(4).toLowerCase(Locale.ROOT) + " expires=" + (c.get(7).isEmpty() ? "-" : c.get(7))
                    + " auth=" + c.get(6) + " ua=" + c.get(5);
            case "asterisk-security" -> "[" + ASTERISK_TIME.format(time) + "] SECURITY[2130] res_security_log.c: "
                    + "SecurityEvent=\"" + securityEvent(c.get(6)) + "\",EventTV=\"" + time
                    + "\",Severity=\"Informational\",Service=\"PJSIP\",EventVersion=\"1\",AccountID=\"" + c.get(1)
                    + "\",SessionID=\"s" + index + "\",LocalAddress=\"IPV4/UDP/192.0.2.1/5060\",RemoteAddress=\""
                    + (c.get(2).contains(":") ? "IPV6" : "IPV4") + "/" + c.get(4) + "/" + c.get(2) + "/" + c.get(3) + "\"";
            case "asterisk-log" -> asteriskLog(c, time, user, index);
            default -> throw new IllegalArgumentException("no such registration format: " + format);
        };
    }

    private static String securityEvent(String authResult) {
        return switch (authResult) {
            case "OK" -> "SuccessfulAuth";
            case "BAD_PASSWORD" -> "InvalidPassword";
            default -> "InvalidAccountID";
        };
    }

    private static String asteriskLog(List<String> c, OffsetDateTime time, String user, long index) {
        boolean unknown = c.get(6).equals("UNKNOWN_USER");
        String source = c.get(2).contains(":") ? "[" + c.get(2) + "]:" + c.get(3) : c.get(2) + ":" + c.get(3);
        String prefix = "[" + ASTERISK_TIME.format(time) + "] NOTICE[2141]";
        if (index % 2 == 0) {
            return prefix + " chan_sip.c: Registration from '\"" + user + "\" <sip:" + user + "@pbx.example.net>' failed"
                    + " for '" + source + "' - " + (unknown ? "No matching peer found" : "Wrong password");
        }
        return prefix + ": res_pjsip/pjsip_distributor.c:676 log_failed_request: Request 'REGISTER' from '<sip:" + user
                + "@pbx.example.net>' failed for '" + source + "' (callid: c" + index + ") - "
                + (unknown ? "No matching endpoint found" : "Failed to authenticate");
    }
}
