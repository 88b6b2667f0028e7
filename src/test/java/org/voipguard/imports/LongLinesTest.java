package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.command.ExitCodes;
import org.voipguard.support.ImportFixtures;
import org.voipguard.support.TestDatabase;

/**
 * A line longer than {@code voipguard.max-line-length} is rejected with its line number, and the
 * lines around it are imported, whatever the format.
 */
@SpringBootTest(properties = {"voipguard.max-rejected-share=1.0", "voipguard.max-line-length=1024"})
class LongLinesTest {

    private static final String ALICE = "+441632960001";
    private static final String DAY = YearMonth.now(ZoneId.of("Europe/London")).minusMonths(1).atDay(3).toString();
    private static final String THREE_MEGABYTES = "A".repeat(3 << 20);
    private static final String TOO_LONG = "line longer than 1024 characters";

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void givenANumber() {
        TestDatabase.clear(jdbc);
        ImportFixtures.givenNumber(jdbc, ALICE, "alice@example.com", null);
    }

    @Test
    void aCdrLineOverTheCapIsRejectedAndTheLinesAroundItAreImported() throws IOException {
        String atTheCap = padded(cdr("at-the-cap"), 1024);
        Path file = ImportFixtures.csv(dir, "long-cdrs.csv", ImportFixtures.CDR_HEADER,
                cdr("before"),
                THREE_MEGABYTES + cdr("huge"),
                atTheCap,
                padded(cdr("one-over"), 1025),
                "\"" + THREE_MEGABYTES,
                cdr("after"));

        int exit = run("cdrs", "import", file.toString());

        assertThat(exit).as(out + "\n" + err).isEqualTo(ExitCodes.DONE);
        assertThat(jdbc.queryForList("SELECT call_id FROM cdr ORDER BY call_id", String.class))
                .containsExactly("after", "at-the-cap", "before");
        assertThat(rejections()).isEqualTo(Map.of(3L, TOO_LONG, 5L, TOO_LONG, 6L, TOO_LONG));
        assertThat(Files.readString(Path.of("target/test-rejects/long-cdrs.csv.rejects.csv")))
                .contains("3,line," + TOO_LONG).contains("6,line," + TOO_LONG).hasSizeLessThan(20_000);
        assertThat(out.toString()).contains("long-cdrs.csv: 6 records, 3 imported, 0 duplicates, 3 rejected");
    }

    @Test
    void aRegistrationLineOverTheCapIsRejectedInEitherFormat() throws IOException {
        Path csv = ImportFixtures.csv(dir, "long-registrations.csv", ImportFixtures.REGISTRATION_HEADER,
                registration("10:00:00", "snom"),
                registration("10:01:00", "\"" + THREE_MEGABYTES + "\""),
                registration("10:02:00", "\"a User-Agent\nspanning lines " + "B".repeat(2000) + "\""),
                registration("10:03:00", "snom"));
        Path log = Files.writeString(dir.resolve("long-security.log"), String.join("\n",
                asteriskEvent("11:00:00", ""),
                asteriskEvent("11:01:00", THREE_MEGABYTES),
                asteriskEvent("11:02:00", "")) + "\n", StandardCharsets.UTF_8);

        int csvExit = run("registrations", "import", "--no-email", csv.toString());
        int logExit = run("registrations", "import", "--no-email", "--format", "asterisk-security", log.toString());

        assertThat(csvExit).as(out + "\n" + err).isEqualTo(ExitCodes.DONE);
        assertThat(logExit).as(out + "\n" + err).isEqualTo(ExitCodes.DONE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration_event", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT line_number FROM rejected_line WHERE reason = ? ORDER BY line_number",
                Long.class, TOO_LONG)).containsExactly(2L, 3L, 5L);
    }

    private static String cdr(String callId) {
        return ImportFixtures.call(callId, ALICE, DAY + "T10:00:00Z", "01632960999", "", "1.00");
    }

    /** Trailing spaces are stripped from the last cell: the line stays valid at any length. */
    private static String padded(String line, int length) {
        return line + " ".repeat(length - line.length());
    }

    private static String registration(String time, String userAgent) {
        return DAY + "T" + time + "Z," + ALICE + ",198.51.100.7,5060,UDP," + userAgent + ",OK,3600";
    }

    private static String asteriskEvent(String time, String padding) {
        return "SecurityEvent=\"SuccessfulAuth\",EventTV=\"" + DAY + "T" + time + ".000+0000\",Severity=\"Informational\","
                + "Service=\"PJSIP\",EventVersion=\"1\",AccountID=\"" + ALICE + "\",SessionID=\"" + padding + "x\","
                + "RemoteAddress=\"IPV4/UDP/203.0.113.9/5060\",UsingPassword=\"1\"";
    }

    private Map<Long, String> rejections() {
        return jdbc.query("SELECT line_number, reason FROM rejected_line", rs -> {
            Map<Long, String> reasons = new TreeMap<>();
            while (rs.next()) {
                reasons.put(rs.getLong(1), rs.getString(2));
            }
            return reasons;
        });
    }

    private int run(String... args) {
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
