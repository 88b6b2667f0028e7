package org.voipguard.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Input files for tests that need volume: numbers with addresses (some with an access list),
 * CDRs with a few premium calls among many cheap ones, and registration logs with a few new
 * addresses, new User-Agents, wrong passwords and blocked sources.
 */
public final class GeneratedInputs {

    public static final int NUMBERS = 40;
    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    /** Calls wrap round within October: a long file would otherwise run past now, into implausible dates. */
    private static final long OCTOBER_SECONDS = 31L * 24 * 3600;

    private GeneratedInputs() {
    }

    public static String number(int i) {
        return "+4416329%05d".formatted(1 + i % NUMBERS);
    }

    /** Every number with its own address; every fifth with an access list of its usual address. */
    public static Path numbers(Path file) {
        return write(file, "number,login,number_email,login_email,national_limit_ppm,international_limit_ppm,"
                + "ip_access_list,ip_agent_notify,bill_warning_level_gbp", NUMBERS, i -> ("%s,login%d,n%d@example.com,"
                + "billing%d@example.com,,,%s,,%s").formatted(number(i), i / 4, i, i / 4,
                        i % 5 == 0 ? usualAddress(i) : "", i % 7 == 0 ? "25.00" : ""));
    }

    /**
     * CDRs over October 2026: one call in 250 to a premium number (P1), enough spend for bill
     * warnings (P3), and one line in 5000 with a negative duration (rejected).
     */
    public static Path cdrs(Path file, int lines) {
        return write(file, "call_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status", lines,
                i -> "call-%06d,%s,%s,%s,%d,%s,,,%d".formatted(i, number(i), i % 10 == 9 ? "IN" : "OUT",
                        START.plusSeconds(i * 50L % OCTOBER_SECONDS), i % 5000 == 4999 ? -5 : 30 + (i * 37) % 900,
                        i % 250 == 0 ? "09098790123" : i % 3 == 0 ? "07700900123" : "01632960999",
                        i % 50 == 7 ? 486 : 200));
    }

    /** REGISTERs every 30 seconds: mostly the usual phone, now and then a new address, agent or a bad password. */
    public static Path registrations(Path file, int lines) {
        return write(file, "time,number,source_ip,source_port,transport,user_agent,auth_result,expires_s", lines, i -> {
            String address = i % 97 == 0 ? "203.0.113." + (i / 97) % 250 : usualAddress(i);
            String agent = i % 131 == 0 ? "Zoiper rv2." + (i / 131) % 9 : "snom300/8.7.3." + i % NUMBERS;
            String auth = i % 53 == 0 ? "BAD_PASSWORD" : "OK";
            return "%s,%s,%s,5060,UDP,%s,%s,3600".formatted(START.plusSeconds(i * 30L), number(i), address, agent, auth);
        });
    }

    private static String usualAddress(int i) {
        return "198.51.100." + (1 + i % NUMBERS);
    }

    private static Path write(Path file, String header, int lines, java.util.function.IntFunction<String> line) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write('\n');
            for (int i = 0; i < lines; i++) {
                out.write(line.apply(i));
                out.write('\n');
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
