package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
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
 * Times far in the past or the future are not believed: the line carrying one is rejected with
 * its field named, and a month before anything stored cannot be closed.
 */
@SpringBootTest(properties = {"voipguard.max-rejected-share=1.0", "voipguard.outbox-dir=target/hostile-outbox"})
class ImplausibleTimesTest {

    private static final String ALICE = "+441632960001";
    private static final YearMonth LAST_MONTH = YearMonth.now(ZoneId.of("Europe/London")).minusMonths(1);

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
    void aCallDatedOutsideThePlausibleWindowIsRejectedWithItsLineAndField() throws IOException {
        String tomorrowAndAnHour = Instant.now().plusSeconds(25 * 3600).toString();
        Path file = ImportFixtures.csv(dir, "far-dates.csv", ImportFixtures.CDR_HEADER,
                cdr("good", LAST_MONTH.atDay(3) + "T10:00:00Z"),
                cdr("year-1", "0001-01-01T10:00:00Z"),
                cdr("year-1999", "1999-12-31T23:59:59Z"),
                cdr("year-2099", "2099-01-01T10:00:00Z"),
                cdr("year-9999", "9999-12-31T10:00:00Z"),
                cdr("year-10000", "+10000-01-01T10:00:00Z"),
                cdr("tomorrow-and-an-hour", tomorrowAndAnHour));

        int exit = run("cdrs", "import", file.toString());

        assertThat(exit).as(out + "\n" + err).isEqualTo(ExitCodes.DONE);
        assertThat(jdbc.queryForList("SELECT call_id FROM cdr", String.class)).containsExactly("good");
        assertThat(jdbc.queryForList("SELECT DISTINCT billing_month FROM monthly_spend", String.class))
                .containsExactly(LAST_MONTH.toString());
        assertThat(rejectedFields()).containsOnlyKeys(3L, 4L, 5L, 6L, 7L, 8L).containsValue("start_time")
                .doesNotContainValue("line");
        assertThat(rejectsFile("far-dates.csv")).contains("3,start_time,").contains("8,start_time,")
                .contains("before 2000-01-01").contains("after now");
        assertThat(out.toString()).contains("far-dates.csv: 7 records, 1 imported, 0 duplicates, 6 rejected");
    }

    @Test
    void aRegistrationDatedOutsideTheWindowIsRejectedAndNeverBecomesARegisteredPhone() throws IOException {
        Path file = ImportFixtures.csv(dir, "far-registrations.csv", ImportFixtures.REGISTRATION_HEADER,
                registration(LAST_MONTH.atDay(3) + "T10:00:00Z"),
                registration("+10000-01-01T00:00:00Z"),
                registration("0001-01-01T00:00:00Z"),
                registration("2099-01-01T00:00:00Z"));

        int exit = run("registrations", "import", file.toString());
        run("nightly");

        assertThat(exit).as(out + "\n" + err).isEqualTo(ExitCodes.DONE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration_event", Integer.class)).isEqualTo(1);
        assertThat(rejectedFields()).isEqualTo(Map.of(3L, "time", 4L, "time", 5L, "time"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registered_phone", Integer.class)).isZero();
    }

    @Test
    void anAsteriskEventDatedOutsideTheWindowIsRejectedOnItsEventTv() throws IOException {
        Path file = Files.writeString(dir.resolve("security.log"), String.join("\n",
                asteriskEvent(LAST_MONTH.atDay(3) + "T10:15:04.123+0000"),
                asteriskEvent("2099-11-02T10:15:04.123+0000"),
                asteriskEvent("99999999999-999999"),
                asteriskEvent("0-0")) + "\n", StandardCharsets.UTF_8);

        int exit = run("registrations", "import", "--format", "asterisk-security", file.toString());

        assertThat(exit).as(out + "\n" + err).isEqualTo(ExitCodes.DONE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration_event", Integer.class)).isEqualTo(1);
        assertThat(rejectedFields()).isEqualTo(Map.of(2L, "EventTV", 3L, "EventTV", 4L, "EventTV"));
    }

    @Test
    void monthEndRefusesAMonthBeforeTheWindow() {
        int exit = run("month-end", "--month", "0001-01");

        assertThat(exit).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(err.toString()).contains("cannot close 0001-01").contains("2000-01-01");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM month_close", Integer.class)).isZero();
    }

    @Test
    void monthEndRefusesAMonthBeforeTheEarliestStoredCallOrRegistration() throws IOException {
        YearMonth firstMonth = LAST_MONTH.minusMonths(1);
        Path cdrs = ImportFixtures.csv(dir, "cdrs.csv", ImportFixtures.CDR_HEADER,
                cdr("first", LAST_MONTH.atDay(3) + "T10:00:00Z"));
        Path registrations = ImportFixtures.csv(dir, "registrations.csv", ImportFixtures.REGISTRATION_HEADER,
                registration(firstMonth.atDay(20) + "T10:00:00Z"));
        run("cdrs", "import", "--no-email", cdrs.toString());
        run("registrations", "import", "--no-email", registrations.toString());

        int before = run("month-end", "--month", firstMonth.minusMonths(1).toString());
        int first = run("month-end", "--month", firstMonth.toString());

        assertThat(before).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(err.toString()).contains("cannot close " + firstMonth.minusMonths(1))
                .contains("nothing is stored before " + firstMonth);
        assertThat(first).as(out + "\n" + err).isEqualTo(ExitCodes.DONE);
        assertThat(jdbc.queryForList("SELECT billing_month FROM month_close", String.class))
                .containsExactly(firstMonth.toString());
    }

    private static String cdr(String callId, String startTime) {
        return ImportFixtures.call(callId, ALICE, startTime, "01632960999", "", "12.00");
    }

    private static String registration(String time) {
        return time + "," + ALICE + ",198.51.100.7,5060,UDP,snom,OK,3600";
    }

    private static String asteriskEvent(String eventTv) {
        return "SecurityEvent=\"SuccessfulAuth\",EventTV=\"" + eventTv + "\",Severity=\"Informational\","
                + "Service=\"PJSIP\",EventVersion=\"1\",AccountID=\"" + ALICE + "\","
                + "RemoteAddress=\"IPV4/UDP/203.0.113.9/5060\",UsingPassword=\"1\"";
    }

    private Map<Long, String> rejectedFields() {
        return jdbc.query("SELECT line_number, field FROM rejected_line", rs -> {
            Map<Long, String> fields = new TreeMap<>();
            while (rs.next()) {
                fields.put(rs.getLong(1), rs.getString(2));
            }
            return fields;
        });
    }

    private static String rejectsFile(String input) throws IOException {
        return Files.readString(Path.of("target/test-rejects", input + ".rejects.csv"));
    }

    private int run(String... args) {
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true),
                List.of(args).toArray(String[]::new));
    }
}
