package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.VoipGuardApplication;
import org.voipguard.cdr.CdrImporter;
import org.voipguard.registration.LogFormat;
import org.voipguard.registration.RegistrationImporter;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Files of good lines with hostile ones among them, through the real import jobs: every
 * record is either imported or rejected with a field and a reason, a good record is always
 * imported, a record with the wrong number of columns always rejected, and the job never fails.
 */
class HostileLinesPropertiesTest {

    private static final AtomicInteger FILES = new AtomicInteger();
    private static final Instant BASE = Instant.parse("2026-10-01T00:00:00Z");
    private static ConfigurableApplicationContext context;
    private static Path dir;

    @BeforeContainer
    static void startVoipGuard() throws IOException {
        dir = Files.createTempDirectory("hostile-lines");
        context = new SpringApplicationBuilder(VoipGuardApplication.class).run("--voipguard.max-rejected-share=1.0",
                "--voipguard.rejects-dir=" + dir.resolve("rejects"), "--voipguard.outbox-dir=" + dir.resolve("outbox"));
    }

    @AfterContainer
    static void stopVoipGuard() {
        context.close();
    }

    /** A record as written: its cells, and whether it was left good or given the wrong number of columns. */
    record Line(List<String> cells, boolean good, boolean wrongColumns) {
    }

    @Property(tries = 25)
    void everyCdrRecordIsImportedOrRejectedWithAReason(@ForAll("cdrLines") List<Line> lines) {
        int file = FILES.incrementAndGet();
        List<Line> numbered = number(lines, i -> List.of("p" + file + "-" + i));
        FileImportResult result = context.getBean(CdrImporter.class).importFile(write(file, "call_id,number,direction,"
                + "start_time,duration_s,called,rate_ppm,cost_gbp,status", numbered));

        assertEveryRecordAccountedFor(result, numbered);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        for (int i = 0; i < numbered.size(); i++) {
            if (numbered.get(i).good()) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr WHERE call_id = ?", Integer.class,
                        numbered.get(i).cells().get(0))).as("good line %d", i + 2).isEqualTo(1);
            }
        }
    }

    @Property(tries = 25)
    void everyRegistrationRecordIsImportedOrRejectedWithAReason(@ForAll("registrationLines") List<Line> lines) {
        int file = FILES.incrementAndGet();
        List<Line> numbered = number(lines, i -> List.of(BASE.plusSeconds(file * 1000L + i).toString()));
        FileImportResult result = context.getBean(RegistrationImporter.class).importFile(write(file,
                "time,number,source_ip,source_port,transport,user_agent,auth_result,expires_s", numbered), LogFormat.CSV);

        assertEveryRecordAccountedFor(result, numbered);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        for (int i = 0; i < numbered.size(); i++) {
            if (numbered.get(i).good()) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration_event WHERE event_time = ?",
                        Integer.class, java.sql.Timestamp.from(Instant.parse(numbered.get(i).cells().get(0)))))
                        .as("good line %d", i + 2).isEqualTo(1);
            }
        }
    }

    private static void assertEveryRecordAccountedFor(FileImportResult result, List<Line> lines) {
        assertThat(result.status()).as(String.valueOf(result.message())).isEqualTo(FileImportResult.Status.IMPORTED);
        assertThat(result.records()).isEqualTo(lines.size());
        assertThat(result.imported() + result.rejected()).isEqualTo(lines.size());
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long importId = jdbc.queryForObject("SELECT import_id FROM imported_file WHERE path = ?", Long.class,
                result.file().toAbsolutePath().toString());
        Map<Long, String> reasons = new java.util.HashMap<>();
        jdbc.query("SELECT line_number, field, reason FROM rejected_line WHERE import_id = ?", rs -> {
            assertThat(rs.getString(2)).isNotBlank();
            assertThat(rs.getString(3)).isNotBlank();
            reasons.put(rs.getLong(1), rs.getString(3));
        }, importId);
        for (int i = 0; i < lines.size(); i++) {
            long lineNumber = i + 2;
            if (lines.get(i).good()) {
                assertThat(reasons).as("good line %d", lineNumber).doesNotContainKey(lineNumber);
            }
            if (lines.get(i).wrongColumns()) {
                assertThat(reasons).as("line %d with the wrong number of columns", lineNumber).containsKey(lineNumber);
            }
        }
    }

    @Provide
    Arbitrary<List<Line>> cdrLines() {
        List<Arbitrary<String>> good = List.of(Arbitraries.just("id"),
                Arbitraries.of("+441632960001", "+441632960002", "+33140000000"), Arbitraries.of("OUT", "IN", "out"),
                Arbitraries.integers().between(0, 100_000).map(s -> BASE.plusSeconds(s) + ""),
                Arbitraries.integers().between(0, 7200).map(String::valueOf),
                Arbitraries.of("01632960999", "07700900123", "09098790123", "0033140000000", "+1 212 555 0100"),
                Arbitraries.of("", "1.5", "20", "150"), Arbitraries.of("", "0.10", "12.3456"),
                Arbitraries.of("200", "486", "603"));
        List<Arbitrary<String>> hostile = List.of(Arbitraries.of("", " ", "-5", "99999999999999999999", "1e400",
                "NaN", "abc", "-1.50", "2026-13-45T99:00:00Z", "2026-10-01T09:00:00", "0x10", "+44abc", "IN OUT",
                "\"", ",", "\"\"", "\uFEFF", "\u0000", "12\u00005", "\u202Eevil"), controlText(), anyText());
        return lines(good, hostile);
    }

    @Provide
    Arbitrary<List<Line>> registrationLines() {
        List<Arbitrary<String>> good = List.of(Arbitraries.just("time"),
                Arbitraries.of("+441632960101", "+441632960102"),
                Arbitraries.of("198.51.100.7", "2001:db8::5", "203.0.113.250"), Arbitraries.of("5060", "5062", "65535"),
                Arbitraries.of("UDP", "TCP", "TLS"), Arbitraries.of("snom300/8.7.3.25", "Zoiper rv2.10", ""),
                Arbitraries.of("OK", "BAD_PASSWORD", "UNKNOWN_USER"), Arbitraries.of("3600", "0", "60"));
        List<Arbitrary<String>> hostile = List.of(Arbitraries.of("", "999.1.1.1", "198.51.100.0/24", "::ffff:1.2.3.4/200",
                "1.2.3", "fe80::1%eth0", "-1", "65536", "99999999999999999999", "MAYBE", "yesterday", "\"", ",",
                "\u0000", "evil\u0007\u001b[31m"), controlText(), anyText(),
                Arbitraries.strings().withChars('A', 'z').ofMinLength(600).ofMaxLength(5000));
        return lines(good, hostile);
    }

    private static Arbitrary<List<Line>> lines(List<Arbitrary<String>> good, List<Arbitrary<String>> hostile) {
        Arbitrary<List<String>> goodCells = Combinators.combine(good).as(ArrayList::new);
        Arbitrary<String> bad = Arbitraries.oneOf(hostile);
        Arbitrary<Line> line = Combinators.combine(goodCells, Arbitraries.integers().between(-1, good.size() - 1), bad,
                Arbitraries.integers().between(-1, 1).edgeCases(e -> e.includeOnly(0))).as((cells, column, value, extra) -> {
                    List<String> written = new ArrayList<>(cells);
                    if (column >= 1) {
                        written.set(column, value);
                    }
                    if (extra < 0) {
                        written.remove(written.size() - 1);
                    } else if (extra > 0) {
                        written.add(value);
                    }
                    return new Line(written, column < 1 && extra == 0, extra != 0);
                });
        return line.list().ofMinSize(1).ofMaxSize(30);
    }

    private static Arbitrary<String> controlText() {
        return Arbitraries.strings().withCharRange('\u0000', '\u001f').excludeChars('\r', '\n').ofMinLength(1).ofMaxLength(20);
    }

    private static Arbitrary<String> anyText() {
        return Arbitraries.strings().all().excludeChars('\r', '\n').ofMaxLength(300);
    }

    /** The first cell of every line becomes a unique value, so good lines can be found again. */
    private static List<Line> number(List<Line> lines, java.util.function.IntFunction<List<String>> first) {
        List<Line> numbered = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> cells = new ArrayList<>(lines.get(i).cells());
            cells.set(0, first.apply(i).get(0));
            numbered.add(new Line(cells, lines.get(i).good(), lines.get(i).wrongColumns()));
        }
        return numbered;
    }

    private static Path write(int file, String header, List<Line> lines) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            for (Line line : lines) {
                csv.printRecord(line.cells());
            }
            // String.getBytes writes a lone surrogate as '?', where a writer would throw
            return Files.write(dir.resolve("hostile-" + file + ".csv"),
                    (header + "\n" + text).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
