package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cdr.CdrImporter;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.command.ExitCodes;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.support.TestDatabase;

/**
 * Drop folders written to by someone hostile: links planted where VoIPGuard reads or writes,
 * files named like its own folders, a file still growing, names that try to forge log lines.
 */
@SpringBootTest
class HostileDropFolderTest {

    private static final String CDR_HEADER = "call_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status";

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ImportCommandSupport support;
    @Autowired
    CdrImporter cdrImporter;
    @Autowired
    VoipGuardProperties properties;

    @TempDir
    Path dir;

    private Path inbox;
    private Path elsewhere;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws IOException {
        TestDatabase.clear(jdbc);
        inbox = Files.createDirectory(dir.resolve("cdrs-in"));
        elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    }

    @Test
    void aFailedFolderThatIsALinkIsRefusedAndNothingIsMovedThroughIt() throws IOException {
        Files.createSymbolicLink(inbox.resolve("failed"), elsewhere);
        write(inbox.resolve("bad.csv"), "not,a,cdr,file");
        write(inbox.resolve("good.csv"), CDR_HEADER, call("good-1"));

        int exitCode = run(inbox);

        assertThat(exitCode).as("bad.csv failed to import").isEqualTo(ExitCodes.FAILED);
        assertThat(names(elsewhere)).isEmpty();
        assertThat(names(inbox)).containsExactly("bad.csv", "failed", "processed");
        assertThat(Files.isSymbolicLink(inbox.resolve("failed"))).isTrue();
        assertThat(importedCallIds()).containsExactly("good-1");
        assertThat(out.toString()).contains("bad.csv: cannot move it to " + inbox.resolve("failed")
                + "/: it is a symbolic link, not a directory; the file stays in the drop folder");
    }

    @Test
    void aProcessedFolderThatIsALinkIsRefusedAndTheImportedFileStays() throws IOException {
        Files.createSymbolicLink(inbox.resolve("processed"), elsewhere);
        write(inbox.resolve("good.csv"), CDR_HEADER, call("good-1"));

        int exitCode = run(inbox);

        assertThat(exitCode).as("imported; only the tidying up failed").isEqualTo(ExitCodes.DONE);
        assertThat(names(elsewhere)).isEmpty();
        assertThat(names(inbox)).containsExactly("good.csv", "processed");
        assertThat(importedCallIds()).containsExactly("good-1");
        assertThat(out.toString()).contains("good.csv: cannot move it to " + inbox.resolve("processed")
                + "/: it is a symbolic link, not a directory; the file stays in the drop folder")
                .contains("0 files moved to processed/, 0 to failed/; 2 left in the drop folder");
    }

    @Test
    void aReasonFileLinkPlacedInFailedIsNeverWrittenThrough() throws IOException {
        Path victim = write(elsewhere.resolve("victim.txt"), "precious");
        Files.createDirectory(inbox.resolve("failed"));
        Files.createSymbolicLink(inbox.resolve("failed/bad.csv.reason.txt"), victim);
        write(inbox.resolve("bad.csv"), "not,a,cdr,file");

        run(inbox);

        assertThat(Files.readString(victim)).isEqualTo("precious" + System.lineSeparator());
        assertThat(Files.isSymbolicLink(inbox.resolve("failed/bad.csv.reason.txt"))).isTrue();
        assertThat(names(inbox.resolve("failed")))
                .containsExactly("bad.1.csv", "bad.1.csv.reason.txt", "bad.csv.reason.txt");
        assertThat(Files.readString(inbox.resolve("failed/bad.1.csv.reason.txt"))).contains("not a CDR file");
    }

    @Test
    void aLinkInTheDropFolderIsLeftAloneAndNeverRead() throws IOException {
        Path secret = write(elsewhere.resolve("secret.csv"), CDR_HEADER, call("secret-1"),
                "root:x:0:0:root:/root:/bin/bash");
        Files.createSymbolicLink(inbox.resolve("link.csv"), secret);
        Files.createSymbolicLink(inbox.resolve("linked-folder"), elsewhere);
        write(inbox.resolve("good.csv"), CDR_HEADER, call("good-1"));
        Path rejectsFile = properties.rejectsDir().resolve("link.csv.rejects.csv");
        Files.deleteIfExists(rejectsFile);

        int exitCode = run(inbox);

        assertThat(exitCode).isEqualTo(ExitCodes.DONE);
        assertThat(importedCallIds()).containsExactly("good-1");
        assertThat(rejectsFile).doesNotExist();
        assertThat(Files.isSymbolicLink(inbox.resolve("link.csv"))).isTrue();
        assertThat(Files.isSymbolicLink(inbox.resolve("linked-folder"))).isTrue();
        assertThat(names(elsewhere)).containsExactly("secret.csv");
        assertThat(out.toString())
                .contains(inbox.resolve("link.csv") + ": left alone: a symbolic link (drop folders never follow links)")
                .contains(inbox.resolve("linked-folder") + ": left alone: a symbolic link")
                .contains("1 files moved to processed/, 0 to failed/; 2 left in the drop folder");
    }

    @Test
    void aDryRunDoesNotReadALinkInTheDropFolderEither() throws IOException {
        Files.createSymbolicLink(inbox.resolve("link.csv"),
                write(elsewhere.resolve("secret.csv"), CDR_HEADER, "root:x:0:0:root:/root:/bin/bash"));

        int exitCode = CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true),
                "cdrs", "import", "--dry-run", inbox.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).contains("link.csv: left alone: a symbolic link").doesNotContain("root:x")
                .contains("0 files evaluated");
    }

    @Test
    void aFileNamedProcessedIsJustAFileAndTheOthersAreImported() throws IOException {
        write(inbox.resolve("processed"), CDR_HEADER, call("named-processed"));
        write(inbox.resolve("a.csv"), CDR_HEADER, call("a-1"));

        int exitCode = run(inbox);

        assertThat(exitCode).isEqualTo(ExitCodes.DONE);
        assertThat(importedCallIds()).containsExactly("a-1", "named-processed");
        assertThat(Files.isRegularFile(inbox.resolve("processed"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(names(inbox)).containsExactly("a.csv", "processed");
        assertThat(out.toString()).contains("a.csv: cannot move it to " + inbox.resolve("processed")
                + "/: it is a file, not a directory; the file stays in the drop folder");
    }

    @Test
    void aFileNamedFailedIsJustAFileAndTheOthersAreImported() throws IOException {
        write(inbox.resolve("failed"), CDR_HEADER, call("named-failed"));
        write(inbox.resolve("a.csv"), CDR_HEADER, call("a-1"));
        write(inbox.resolve("b.csv"), "not,a,cdr,file");

        int exitCode = run(inbox);

        assertThat(exitCode).as("b.csv failed to import").isEqualTo(ExitCodes.FAILED);
        assertThat(importedCallIds()).containsExactly("a-1", "named-failed");
        assertThat(names(inbox)).containsExactly("b.csv", "processed");
        assertThat(names(inbox.resolve("processed"))).containsExactly("a.csv", "failed");
        assertThat(out.toString()).contains("b.csv: cannot move it to " + inbox.resolve("failed")
                + "/: it is a file, not a directory; the file stays in the drop folder");
    }

    @Test
    void aFileThatGrowsWhileItIsReadStaysAndTheNextRunImportsTheRest() throws IOException {
        Path file = write(inbox.resolve("growing.csv"), Stream.concat(Stream.of(CDR_HEADER),
                IntStream.range(0, 200).mapToObj(i -> call("first-" + i))).toArray(String[]::new));
        List<String> appended = IntStream.range(0, 10).mapToObj(i -> call("appended-" + i)).toList();

        int exitCode = support.importAll(new PrintWriter(out, true), "cdrs import", List.of(inbox), false, path -> {
            FileImportResult result = cdrImporter.importFile(path);
            append(path, appended);
            return result;
        });

        assertThat(exitCode).isEqualTo(ExitCodes.DONE);
        assertThat(names(inbox)).containsExactly("growing.csv");
        assertThat(out.toString()).contains(file + ": changed while it was read (")
                .contains("left in the drop folder: the next run imports it again");
        assertThat(importedCallIds()).hasSize(200);

        int again = run(inbox);

        assertThat(again).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).contains("growing.csv: 210 records, 10 imported, 200 duplicates, 0 rejected");
        assertThat(importedCallIds()).hasSize(210);
        assertThat(names(inbox.resolve("processed"))).containsExactly("growing.csv");
        assertThat(jdbc.queryForObject("SELECT SUM(spend_gbp) FROM monthly_spend", BigDecimal.class))
                .as("each call's cost counted once").isEqualByComparingTo("2.10");
    }

    @Test
    void aFileNameWithALineBreakCannotForgeAnOutputLine() throws IOException {
        String forged = "cdrs import: 99 files imported, 0 skipped, 0 failed";
        write(inbox.resolve("good.csv\n" + forged), CDR_HEADER, call("good-1"));
        write(inbox.resolve("bad.csv\r\n" + forged), "not,a,cdr,file");

        run(inbox);

        assertThat(out.toString().lines()).noneMatch(line -> line.startsWith(forged));
        assertThat(out.toString()).contains("good.csv\\n" + forged).contains("bad.csv\\r\\n" + forged);
    }

    @Test
    void aMissingPathWithALineBreakCannotForgeAnErrorLine() {
        int exitCode = CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true),
                "cdrs", "import", "--no-email", dir.resolve("missing\nvoipguard: all is well").toString());

        assertThat(exitCode).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(err.toString().lines()).noneMatch(line -> line.startsWith("voipguard: all is well"));
        assertThat(err.toString()).contains("missing\\nvoipguard: all is well");
    }

    private static String call(String callId) {
        return callId + ",+441632960001,OUT,2026-11-01T10:00:00Z,60,01632960999,1,0.01,200";
    }

    private static void append(Path file, List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

    private int run(Path folder) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true),
                "cdrs", "import", "--no-email", folder.toString());
    }
}
