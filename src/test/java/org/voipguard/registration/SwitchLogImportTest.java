package org.voipguard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.REGISTRATION_HEADER;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.command.ExitCodes;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.ImportFixtures;
import org.voipguard.support.TestDatabase;

/**
 * Switch logs imported as they come: each file's format recognised from its first lines, an
 * unrecognised file refused, and a quiet baseline of a history that the next import builds on.
 */
@AlsoOnPostgreSql
@SpringBootTest
class SwitchLogImportTest {

    private static final String ALICE = "+441632960001";
    private static final String BOB = "+441632960002";
    private static final String CAROL = "+441632960005";

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    private final StringWriter out = new StringWriter();

    @BeforeEach
    void givenNumbers() {
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@acme.example", null);
        givenNumber(jdbc, BOB, "bob@acme.example", null, "192.0.2.0/29", null);
        givenNumber(jdbc, CAROL, "carol@acme.example", null);
    }

    @Test
    void aDropFolderOfEveryFormatIsImportedEachInItsOwnFormatAndAnUnknownFileIsRefused() throws IOException {
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        write(inbox.resolve("1-registrar.csv"), REGISTRATION_HEADER,
                "2026-11-02T10:00:00Z," + ALICE + ",198.51.100.20,5060,UDP,snom300/8.7.3.25,OK,3600");
        write(inbox.resolve("2-kamailio.log"),
                "Nov  2 10:00:00 sbc kamailio[1742]: INFO: <core> [core/tcp_main.c:4958]: connection closed",
                kamailio("2026-11-02T11:00:00Z", "441632960005", "203.0.113.40", "OK", "Linphone/5.2.0 (Desktop)"));
        write(inbox.resolve("3-messages"),
                "[2026-11-02 08:59:58] VERBOSE[2130] asterisk.c: Asterisk Ready.",
                "[2026-11-02 09:10:11] NOTICE[2141] chan_sip.c: Registration from '<sip:441632960002@pbx>' failed"
                        + " for '[2001:db8:bad::1]:5060' - Wrong password");
        write(inbox.resolve("4-security.log"), "[2026-11-02 09:00:01] SECURITY[2130] res_security_log.c: "
                + "SecurityEvent=\"SuccessfulAuth\",EventTV=\"2026-11-02T09:00:01.204+0000\",Severity=\"Informational\","
                + "Service=\"PJSIP\",EventVersion=\"1\",AccountID=\"+441632960002\",SessionID=\"1a2b3c\","
                + "LocalAddress=\"IPV4/UDP/192.0.2.1/5060\",RemoteAddress=\"IPV4/UDP/192.0.2.3/5060\",UsingPassword=\"1\"");
        write(inbox.resolve("5-cdrs.csv"), "call_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status",
                "c1,+441632960001,OUT,2026-11-02T10:00:00Z,60,+441632960002,1,,200");

        int exit = run("registrations", "import", "--no-email", inbox.toString());

        String output = out.toString();
        assertThat(exit).as(output).isEqualTo(ExitCodes.FAILED);
        assertThat(events()).containsExactlyInAnyOrder(
                ALICE + " 198.51.100.20 OK snom300/8.7.3.25",
                CAROL + " 203.0.113.40 OK Linphone/5.2.0 (Desktop)",
                BOB + " 2001:db8:bad::1 BAD_PASSWORD null",
                BOB + " 192.0.2.3 OK null");
        assertThat(output).contains("5-cdrs.csv: FAILED: not a registration log VoIPGuard recognises (csv,"
                + " asterisk-security, asterisk-log, kamailio; name one with --format): its first line is"
                + " 'call_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status'");
        assertThat(inbox.resolve("failed/5-cdrs.csv")).exists();
        assertThat(inbox.resolve("processed/2-kamailio.log")).exists();
    }

    @Test
    void theRefusalShowsTheFirstLineEscapedAndCut() throws IOException {
        Path binary = dir.resolve("blob.bin");
        Files.writeString(binary, "\u0000\u001b[2J\u202eforged line " + "x".repeat(200) + "\n", StandardCharsets.UTF_8);

        int exit = run("registrations", "import", binary.toString());

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("its first line is '\\u0000\\u001b[2J\\u202eforged line xxx")
                .contains("xxx...'").doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("x".repeat(100));
    }

    @Test
    void aBaselineLearnsTheHistoryQuietlyAndTheNextImportAlertsOnlyOnWhatIsNew() throws IOException {
        Path history = write(dir.resolve("history.log"),
                kamailio("2026-10-01T08:00:00Z", "441632960001", "198.51.100.20", "OK", "snom300/8.7.3.25"),
                kamailio("2026-10-02T08:00:00Z", "441632960001", "198.51.100.21", "OK", "snom300/8.7.3.25"),
                kamailio("2026-10-03T08:00:00Z", "441632960005", "203.0.113.40", "OK", "Linphone/5.2.0"),
                kamailio("2026-10-04T08:00:00Z", "441632960002", "203.0.113.66", "OK", "stolen-phone"),
                kamailio("2026-10-04T08:00:01Z", "441632960002", "203.0.113.66", "BAD_PASSWORD", "stolen-phone"));

        int exit = run("registrations", "import", "--baseline", history.toString());

        assertThat(exit).as(out.toString()).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).contains(history + ": 5 records, 5 imported, 0 duplicates, 0 rejected, 0 alerts")
                .contains("registrations import: baseline: learned 2 numbers, 3 addresses, 2 User-Agents;"
                        + " no alert raised, no email sent");
        assertThat(count("alert")).isZero();
        assertThat(count("email_outbox")).isZero();
        assertThat(jdbc.queryForList("SELECT number || ' ' || source_ip FROM registered_phone ORDER BY 1", String.class))
                .containsExactly(ALICE + " 198.51.100.20", ALICE + " 198.51.100.21", CAROL + " 203.0.113.40");

        Path today = write(dir.resolve("today.log"),
                kamailio("2026-11-02T08:00:00Z", "441632960001", "198.51.100.20", "OK", "snom300/8.7.3.25"),
                kamailio("2026-11-02T08:01:00Z", "441632960005", "203.0.113.41", "OK", "Linphone/5.2.0"),
                kamailio("2026-11-02T08:02:00Z", "441632960002", "203.0.113.66", "OK", "stolen-phone"));

        run("registrations", "import", "--no-email", today.toString());

        assertThat(jdbc.queryForList("SELECT alert_type || ' ' || number FROM alert ORDER BY id", String.class))
                .containsExactlyInAnyOrder("NEW_IP " + CAROL, "LOCKDOWN_BLOCKED " + BOB);
    }

    @Test
    void aBaselineDryRunSaysWhatItWouldLearnAndStoresNothing() throws IOException {
        Path history = write(dir.resolve("history.log"),
                kamailio("2026-10-01T08:00:00Z", "441632960001", "198.51.100.20", "OK", "snom300/8.7.3.25"),
                kamailio("2026-10-02T08:00:00Z", "441632960001", "198.51.100.21", "OK", "Yealink SIP-T46U"));

        int exit = run("registrations", "import", "--baseline", "--dry-run", history.toString());

        assertThat(exit).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).doesNotContain("would raise")
                .contains("baseline: would learn 1 numbers, 2 addresses, 2 User-Agents; no alert would be raised");
        assertThat(count("registration_event")).isZero();
    }

    private static String kamailio(String time, String user, String ip, String auth, String userAgent) {
        return ImportFixtures.kamailioRegister(Instant.parse(time), user, ip, auth, userAgent);
    }

    private static Path write(Path file, String... lines) throws IOException {
        return Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private List<String> events() {
        return jdbc.queryForList("SELECT number || ' ' || source_ip || ' ' || auth_result || ' ' || "
                + "COALESCE(user_agent, 'null') FROM registration_event", String.class);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                args);
    }
}
