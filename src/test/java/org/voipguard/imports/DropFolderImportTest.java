package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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
import org.voipguard.support.TestDatabase;

@AlsoOnPostgreSql
@SpringBootTest
class DropFolderImportTest {

    private static final String CDR_HEADER = "call_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status";
    private static final String REGISTRATION_HEADER =
            "time,number,source_ip,source_port,transport,user_agent,auth_result,expires_s";

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    private Path inbox;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws IOException {
        TestDatabase.clear(jdbc);
        inbox = Files.createDirectory(dir.resolve("cdrs-in"));
    }

    @Test
    void aFolderIsImportedInNameOrderAndEachFileMovesToProcessedOrFailed() throws IOException {
        write(inbox.resolve("2026-11-02.csv"), CDR_HEADER, call("in-2", "2026-11-02T10:00:00Z"));
        write(inbox.resolve("2026-11-01.csv"), CDR_HEADER, call("in-1", "2026-11-01T10:00:00Z"));
        write(inbox.resolve("2026-11-03.csv"), "this,is,not,a,cdr,file", call("in-3", "2026-11-03T10:00:00Z"));
        write(inbox.resolve(".2026-11-04.csv"), CDR_HEADER, call("still-uploading", "2026-11-04T10:00:00Z"));
        Files.createDirectories(inbox.resolve("processed"));
        write(inbox.resolve("processed/2026-10-31.csv"), CDR_HEADER, call("done-before", "2026-10-31T10:00:00Z"));

        int exitCode = run("cdrs", "import", "--no-email", inbox.toString());

        assertThat(exitCode).as("a failed file fails the run").isEqualTo(ExitCodes.FAILED);
        assertThat(importedCallIds()).containsExactly("in-1", "in-2");
        assertThat(names(inbox)).containsExactly(".2026-11-04.csv", "failed", "processed");
        assertThat(names(inbox.resolve("processed"))).containsExactly("2026-10-31.csv", "2026-11-01.csv", "2026-11-02.csv");
        assertThat(names(inbox.resolve("failed"))).containsExactly("2026-11-03.csv", "2026-11-03.csv.reason.txt");
        assertThat(Files.readString(inbox.resolve("failed/2026-11-03.csv.reason.txt"))).contains("not a CDR file");
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).contains("2026-11-01.csv: 1 records, 1 imported");
        assertThat(lines.get(1)).contains("2026-11-02.csv: 1 records, 1 imported");
        assertThat(lines.get(2)).contains("2026-11-03.csv: FAILED");
        assertThat(out.toString()).contains("drop folder: 2 files moved to processed/, 1 to failed/");
    }

    @Test
    void anEmptyFolderIsNothingToDo() {
        int exitCode = run("cdrs", "import", "--no-email", inbox.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).contains("0 files imported, 0 skipped, 0 failed").doesNotContain("drop folder");
    }

    @Test
    void aFileAlreadyImportedMovesToProcessedUnderANewName() throws IOException {
        write(inbox.resolve("calls.csv"), CDR_HEADER, call("once", "2026-11-01T10:00:00Z"));
        run("cdrs", "import", "--no-email", inbox.toString());
        write(inbox.resolve("calls.csv"), CDR_HEADER, call("once", "2026-11-01T10:00:00Z"));

        int exitCode = run("cdrs", "import", "--no-email", inbox.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).contains("already imported");
        assertThat(names(inbox.resolve("processed"))).containsExactly("calls.1.csv", "calls.csv");
        assertThat(importedCallIds()).containsExactly("once");
    }

    @Test
    void aFileNamedOnTheCommandLineStaysWhereItIs() throws IOException {
        Path file = write(inbox.resolve("named.csv"), CDR_HEADER, call("named", "2026-11-01T10:00:00Z"));
        Path bad = write(inbox.resolve("bad.csv"), "nonsense", call("bad", "2026-11-01T10:00:00Z"));

        run("cdrs", "import", "--no-email", file.toString(), bad.toString());

        assertThat(importedCallIds()).containsExactly("named");
        assertThat(names(inbox)).containsExactly("bad.csv", "named.csv");
    }

    @Test
    void registrationLogsInAFolderMoveToo() throws IOException {
        Path registrations = Files.createDirectory(dir.resolve("registrations-in"));
        write(registrations.resolve("registrar.csv"), REGISTRATION_HEADER,
                "2026-11-01T10:00:00Z,+441632960001,192.0.2.10,5060,UDP,snom/1.0,OK,3600");

        int exitCode = run("registrations", "import", "--no-email", registrations.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.DONE);
        assertThat(names(registrations.resolve("processed"))).containsExactly("registrar.csv");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration_event", Integer.class)).isEqualTo(1);
    }

    @Test
    void aNameTakenInTheTargetFolderGetsANumberBeforeItsExtension() {
        assertThat(Inbox.numbered("calls.csv", 1)).isEqualTo("calls.1.csv");
        assertThat(Inbox.numbered("registrar.log", 2)).isEqualTo("registrar.2.log");
        assertThat(Inbox.numbered("messages", 1)).isEqualTo("messages.1");
    }

    private static String call(String callId, String startTime) {
        return callId + ",+441632960001,OUT," + startTime + ",60,01632960999,1,0.01,200";
    }

    private List<String> importedCallIds() {
        return jdbc.queryForList("SELECT call_id FROM cdr ORDER BY call_id", String.class);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Path write(Path file, String... lines) throws IOException {
        return Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
