package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.support.TestDatabase;

/**
 * Hand-picked hostile input through the real CDR and registration import jobs: every line is
 * imported or rejected with its reason, the job never dies of a line, a file that is not the
 * expected kind fails alone with a clear message, and nothing from a line reaches an email header.
 */
@SpringBootTest(properties = {"voipguard.max-rejected-share=1.0", "voipguard.outbox-dir=target/hostile-outbox"})
class HostileInputTest {

    private static final Path OUTBOX = Path.of("target/hostile-outbox");
    private static final String CDR_HEADER = "call_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status";
    private static final String REGISTRATION_HEADER = "time,number,source_ip,source_port,transport,user_agent,auth_result,expires_s";
    private static final String ALICE = "+441632960001";
    private static final String MEGABYTE = "A".repeat(1 << 20);
    private static final String UNDER_THE_LINE_CAP = "A".repeat(60_000);
    /** Headers VoIPGuard writes; any other header in an email was injected. */
    private static final Set<String> OUR_HEADERS = Set.of("date", "from", "to", "message-id", "subject", "mime-version",
            "content-type", "content-transfer-encoding", "x-voipguard-alert", "x-voipguard-number", "auto-submitted");

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void givenANumberWithAnEmail() throws IOException {
        TestDatabase.clear(jdbc);
        FileSystemUtils.deleteRecursively(OUTBOX);
        Path numbers = write("numbers.csv", "number,login,number_email,login_email,national_limit_ppm,"
                + "international_limit_ppm,ip_access_list,ip_agent_notify,bill_warning_level_gbp\n"
                + ALICE + ",alice,alice@example.com,,,,,,\n");
        assertThat(run("numbers", "import", numbers.toString())).isZero();
    }

    @Test
    void everyBadCdrLineIsRejectedWithItsReasonAndTheGoodOnesAreImported() throws IOException {
        Path file = write("hostile-cdrs.csv", CDR_HEADER + "\n" + String.join("\n",
                "good-1," + ALICE + ",OUT,2026-10-01T09:00:00+01:00,60,01632960999,,,200",
                "bad-date," + ALICE + ",OUT,2026-13-45T99:00:00+01:00,60,01632960999,,,200",
                "no-offset," + ALICE + ",OUT,2026-10-01T09:00:00,60,01632960999,,,200",
                "negative-duration," + ALICE + ",OUT,2026-10-01T09:00:00Z,-5,01632960999,,,200",
                "enormous-duration," + ALICE + ",OUT,2026-10-01T09:00:00Z,99999999999999999999,01632960999,,,200",
                "text-price," + ALICE + ",OUT,2026-10-01T09:00:00Z,60,01632960999,abc,,200",
                "negative-price," + ALICE + ",OUT,2026-10-01T09:00:00Z,60,01632960999,,-1.50,200",
                "enormous-price," + ALICE + ",OUT,2026-10-01T09:00:00Z,60,01632960999,1e400,,200",
                "too-few," + ALICE + ",OUT,2026-10-01T09:00:00Z,60",
                "too-many," + ALICE + ",OUT,2026-10-01T09:00:00Z,60,01632960999,,,200,extra",
                "nul\u0000id," + ALICE + ",OUT,2026-10-01T09:00:00Z,60,01632960999,,,200",
                MEGABYTE + "," + ALICE + ",OUT,2026-10-01T09:00:00Z,60,01632960999,,,200",
                "bad-number,+44abc,OUT,2026-10-01T09:00:00Z,60,01632960999,,,200",
                "good-2," + ALICE + ",OUT,2026-10-01T10:00:00+01:00,60,09098790123,,,200",
                "\"unclosed quote at the end of the file," + ALICE + ",OUT,2026-10-01T09:00:00Z,60,01632960999,,,200")
                + "\n");

        int exit = run("cdrs", "import", file.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(jdbc.queryForList("SELECT call_id FROM cdr ORDER BY call_id", String.class))
                .containsExactly("good-1", "good-2");
        Map<Long, String> rejected = rejectedFields();
        assertThat(rejected).containsEntry(3L, "start_time").containsEntry(4L, "start_time")
                .containsEntry(5L, "duration_s").containsEntry(6L, "duration_s").containsEntry(7L, "rate_ppm")
                .containsEntry(8L, "cost_gbp").containsEntry(9L, "rate_ppm").containsEntry(10L, "line")
                .containsEntry(11L, "line").containsEntry(12L, "call_id").containsEntry(13L, "line")
                .containsEntry(14L, "number").containsEntry(16L, "line").hasSize(13);
        assertThat(jdbc.queryForList("SELECT reason FROM rejected_line", String.class)).allSatisfy(reason ->
                assertThat(reason).isNotBlank().hasSizeLessThan(1000).doesNotContain("\u0000"));
        assertThat(out.toString()).contains("hostile-cdrs.csv: 15 records, 2 imported, 0 duplicates, 13 rejected");
        assertThat(Files.readString(Path.of("target/test-rejects/hostile-cdrs.csv.rejects.csv"))).contains("negative-duration");
    }

    @Test
    void hostileUserAgentsAreStoredHarmlessAndNeverReachAnEmailHeader() throws IOException {
        String injection = "evil\r\nBcc: victim@example.net\r\nX-Injected: yes";
        Path file = write("hostile-registrations.csv", REGISTRATION_HEADER + "\r\n" + String.join("\r\n",
                "2026-10-01T08:00:00Z," + ALICE + ",198.51.100.7,5060,UDP,\"" + injection + "\",OK,3600",
                "2026-10-01T08:01:00Z," + ALICE + ",198.51.100.7,5060,UDP,nul\u0000agent\u0007bell,OK,3600",
                "2026-10-01T08:02:00Z," + ALICE + ",198.51.100.7,5060,UDP," + UNDER_THE_LINE_CAP + ",OK,3600",
                "2026-10-01T08:03:00Z," + ALICE + ",999.1.1.1,5060,UDP,snom,OK,3600",
                "2026-10-01T08:04:00Z," + ALICE + ",198.51.100.0/24,5060,UDP,snom,OK,3600",
                "2026-10-01T08:05:00Z," + ALICE + ",198.51.100.7,99999,UDP,snom,OK,3600",
                "2026-10-01T08:06:00Z," + ALICE + ",198.51.100.7,5060,UDP,snom,MAYBE,3600",
                "2026-10-01T08:07:00Z," + ALICE + ",198.51.100.7,5060,UDP,snom,OK,-1",
                "yesterday," + ALICE + ",198.51.100.7,5060,UDP,snom,OK,3600",
                "2026-10-01T08:08:00Z," + ALICE + ",198.51.100.7") + "\r\n");

        int exit = run("registrations", "import", file.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration_event", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT user_agent FROM registration_event", String.class))
                .allSatisfy(agent -> assertThat(agent).doesNotContain("\u0000").hasSizeLessThanOrEqualTo(512));
        assertThat(rejectedFields()).as("line numbers count the lines of the quoted User-Agent")
                .containsOnlyKeys(7L, 8L, 9L, 10L, 11L, 12L, 13L);
        assertThat(emlFiles()).isNotEmpty().allSatisfy(HostileInputTest::assertOnlyOurHeaders);
    }

    @Test
    void aByteOrderMarkAndCrLfLineEndingsAreRead() throws IOException {
        Path file = write("bom.csv", "\uFEFF" + CDR_HEADER + "\r\n"
                + "bom-1," + ALICE + ",OUT,2026-10-01T09:00:00Z,60,01632960999,,,200\r\n"
                + "bom-2," + ALICE + ",IN,2026-10-01T09:05:00Z,60,01632960999,,,200\r\n");

        assertThat(run("cdrs", "import", file.toString())).isZero();
        assertThat(jdbc.queryForList("SELECT call_id FROM cdr ORDER BY call_id", String.class))
                .containsExactly("bom-1", "bom-2");
    }

    @Test
    void anEmptyOrHeaderOnlyFileImportsNothingAndIsNotAnError() throws IOException {
        Path empty = write("empty.csv", "");
        Path headerOnly = write("header-only.csv", REGISTRATION_HEADER + "\n");

        int cdrExit = run("cdrs", "import", empty.toString());
        int registrationExit = run("registrations", "import", headerOnly.toString());

        assertThat(cdrExit).as(err.toString()).isZero();
        assertThat(registrationExit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("empty.csv: 0 records, 0 imported").contains("header-only.csv: 0 records, 0 imported");
    }

    @Test
    void aBinaryFileOrAWrongHeaderFailsThatFileAloneWithAClearMessage() throws IOException {
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Path binary = Files.write(dir.resolve("a-binary.csv"), noise);
        Path registrationLog = write("b-registrations-given-as-cdrs.csv", REGISTRATION_HEADER + "\n"
                + "2026-10-01T08:00:00Z," + ALICE + ",198.51.100.7,5060,UDP,snom,OK,3600\n");
        Path good = write("c-good.csv", CDR_HEADER + "\n" + "ok-1," + ALICE + ",OUT,2026-10-01T09:00:00Z,60,01632960999,,,200\n");

        int exit = run("cdrs", "import", binary.toString(), registrationLog.toString(), good.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("a-binary.csv: FAILED: not a CDR file: the first line must be the header " + CDR_HEADER)
                .contains("b-registrations-given-as-cdrs.csv: FAILED: not a CDR file")
                .contains("c-good.csv: 1 records, 1 imported")
                .contains("1 files imported, 0 skipped, 2 failed");
        assertThat(jdbc.queryForList("SELECT call_id FROM cdr", String.class)).containsExactly("ok-1");
    }

    private static void assertOnlyOurHeaders(Path eml) {
        try {
            String raw = Files.readString(eml, StandardCharsets.ISO_8859_1);
            String headers = raw.substring(0, raw.indexOf("\r\n\r\n") + 2);
            Set<String> names = headers.lines().filter(line -> !line.startsWith(" ") && !line.startsWith("\t"))
                    .map(line -> line.substring(0, line.indexOf(':')).toLowerCase()).collect(Collectors.toSet());
            assertThat(OUR_HEADERS).as(headers).containsAll(names);
            assertThat(raw.lines()).noneMatch(line -> line.startsWith("Bcc:") || line.startsWith("X-Injected"));
            assertThat(raw).doesNotContain("\u0000");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Long, String> rejectedFields() {
        return jdbc.query("SELECT line_number, field FROM rejected_line", rs -> {
            Map<Long, String> fields = new java.util.TreeMap<>();
            while (rs.next()) {
                fields.put(rs.getLong(1), rs.getString(2));
            }
            return fields;
        });
    }

    private static List<Path> emlFiles() throws IOException {
        try (Stream<Path> files = Files.list(OUTBOX)) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList();
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
