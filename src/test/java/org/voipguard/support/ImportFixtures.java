package org.voipguard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;

/** Numbers and input files the import tests start from. */
public final class ImportFixtures {

    public static final String CDR_HEADER = "call_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status";
    public static final String REGISTRATION_HEADER =
            "time,number,source_ip,source_port,transport,user_agent,auth_result,expires_s";

    private ImportFixtures() {
    }

    /** A number with its emails; every other setting is the default. */
    public static void givenNumber(JdbcTemplate jdbc, String number, String numberEmail, String loginEmail) {
        givenNumber(jdbc, number, numberEmail, loginEmail, null, null);
    }

    public static void givenNumber(JdbcTemplate jdbc, String number, String numberEmail, String loginEmail,
            String accessList, String notifyMode) {
        jdbc.update("INSERT INTO number_settings (number, login, number_email, login_email, ip_access_list, "
                + "ip_agent_notify, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", number, "login" + number.substring(9),
                numberEmail, loginEmail, accessList, notifyMode, OffsetDateTime.now());
    }

    /** Writes a CSV file: the header, then the lines. */
    public static Path csv(Path directory, String name, String header, String... lines) {
        try {
            Path file = directory.resolve(name);
            Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A line of Kamailio's REGISTER log, as the shipped configuration writes it; {@code user} is
     * the number without its {@code +}, or a user that is no number.
     */
    public static String kamailioRegister(Instant time, String user, String ip, String auth, String userAgent) {
        return "Nov  2 10:00:00 sbc kamailio[1742]: NOTICE: <script>: VOIPGUARD-REGISTER ts=" + time.getEpochSecond()
                + " user=" + user + " ip=" + ip + " port=5060 proto=udp expires=" + (auth.equals("OK") ? "3600" : "-")
                + " auth=" + auth + " ua=" + userAgent;
    }

    /** An answered outgoing call with its cost given, so spend is exact. */
    public static String call(String callId, String number, String startTime, String called, String ratePpm, String costGbp) {
        return String.join(",", callId, number, "OUT", startTime, "60", called, ratePpm, costGbp, "200");
    }
}
