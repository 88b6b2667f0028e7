package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.CDR_HEADER;
import static org.voipguard.support.ImportFixtures.call;
import static org.voipguard.support.ImportFixtures.csv;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.support.TestDatabase;

/**
 * Import summaries count records, not lines, and say what became of every one: imported,
 * really stored before, skipped (by kind), rejected. A file that fails still says what it read
 * and kept.
 */
@SpringBootTest(properties = "voipguard.max-rejected-share=0.5")
class ImportCountsTest {

    private static final String CHARLIE = "+441632960003";
    private static final String ALICE = "+441632960001";

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void numbers() {
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@acme.example", null);
        givenNumber(jdbc, CHARLIE, "charlie@acme.example", null);
    }

    @Test
    void aHeaderlessAsteriskLogCountsItsFirstLineAndNamesTheEventsItSkipped() throws IOException {
        List<String> sample = Files.readAllLines(Path.of("sample-data/asterisk/security.log")).subList(0, 5);
        Path log = Files.write(dir.resolve("security.log"), sample);

        run("registrations", "import", "--format", "asterisk-security", "--no-email", log.toString());

        assertThat(out.toString()).contains(
                "security.log: 5 records, 4 imported, 0 duplicates, 1 skipped (1 ChallengeSent), 0 rejected",
                "5 records read, 4 imported, 0 duplicates, 1 records skipped, 0 rejected");
    }

    @Test
    void aQuotedCellOverSeveralLinesIsOneRecord() {
        Path file = csv(dir, "multi-line.csv", CDR_HEADER,
                call("c-1", ALICE, "2026-11-02T10:00:00Z", "01632960999", "3", "0.03"),
                "c-2,+441632960001,OUT,2026-11-02T10:05:00Z,60,\"01632\n960999\",3,,200",
                call("c-3", ALICE, "2026-11-02T10:10:00Z", "01632960999", "3", "0.03"));

        run("cdrs", "import", "--no-email", file.toString());

        assertThat(out.toString()).contains("multi-line.csv: 3 records, 2 imported, 0 duplicates, 1 rejected");
    }

    @Test
    void duplicatesAreCallsReallyStoredBeforeNotLinesLeftOver() {
        Path first = csv(dir, "first.csv", CDR_HEADER, call("c-1", ALICE, "2026-11-02T10:00:00Z", "01632960999", "3", "0.03"));
        Path second = csv(dir, "second.csv", CDR_HEADER,
                call("c-1", ALICE, "2026-11-02T10:00:00Z", "01632960999", "3", "0.03"),
                call("c-2", ALICE, "2026-11-02T10:05:00Z", "01632960999", "3", "0.03"),
                "",
                "garbage");
        run("cdrs", "import", "--no-email", first.toString());

        run("cdrs", "import", "--no-email", second.toString());

        assertThat(out.toString()).contains("second.csv: 3 records, 1 imported, 1 duplicates, 1 rejected");
    }

    @Test
    void aLineStartingWithAHashIsARecordNotACommentToDrop() {
        Path file = csv(dir, "hash.csv", CDR_HEADER,
                call("c-1", ALICE, "2026-11-02T10:00:00Z", "01632960999", "3", "0.03"),
                "#c-2,+441632960001,OUT,2026-11-02T10:05:00Z,60,01632960999,3,,200");

        run("cdrs", "import", "--no-email", file.toString());

        assertThat(out.toString()).contains("hash.csv: 2 records, 2 imported, 0 duplicates, 0 rejected");
        assertThat(jdbc.queryForList("SELECT call_id FROM cdr ORDER BY call_id", String.class))
                .containsExactly("#c-2", "c-1");
    }

    @Test
    void aFileThatFailsTheRejectedShareStillSaysWhatItReadAndKept() {
        Path file = csv(dir, "mostly-bad.csv", CDR_HEADER,
                call("c-1", ALICE, "2026-11-02T10:00:00Z", "01632960999", "3", "0.03"),
                "garbage", "more garbage", "still garbage");

        run("cdrs", "import", "--no-email", file.toString());

        assertThat(out.toString())
                .contains("mostly-bad.csv: FAILED: mostly-bad.csv: 3 of 4 records rejected")
                .contains("before it failed: 4 records, 1 imported, 0 duplicates, 3 rejected")
                .contains("0 files imported, 0 skipped, 1 failed; 4 records read, 1 imported, 0 duplicates, 3 rejected");
    }

    private void run(String... args) {
        out.getBuffer().setLength(0);
        CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    }
}
