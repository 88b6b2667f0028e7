package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

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
 * When the database refuses what an import writes, the operator reads a plain sentence in the
 * summary and the reason file, not the SQL statement; the details go to the log. An operator
 * who opens the plausible window past year 9999 is the way to get such a refusal.
 */
@AlsoOnPostgreSql
@SpringBootTest(properties = {"voipguard.plausible-times.earliest=0001-01-01",
    "voipguard.plausible-times.max-ahead=3000000d"})
class DatabaseErrorMessageTest {

    private static final String ALICE = "+441632960001";

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
    void aFileTheDatabaseRefusesFailsWithAPlainReasonAndNoSql() throws IOException {
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        ImportFixtures.csv(inbox, "year-10000.csv", ImportFixtures.CDR_HEADER,
                ImportFixtures.call("far", ALICE, "+10000-01-01T10:00:00Z", "01632960999", "", "1.00"));

        int exit = run("cdrs", "import", "--no-email", inbox.toString());

        String reason = Files.readString(inbox.resolve("failed/year-10000.csv.reason.txt"));
        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(reason).contains("the database refused").contains("see the log");
        assertThat(reason + out + err).doesNotContainIgnoringCase("sql statement").doesNotContain("INSERT")
                .doesNotContain("CHARACTER(7)").doesNotContainIgnoringCase("character(7)");
        assertThat(out.toString()).contains("year-10000.csv: FAILED: the database refused");
    }

    private int run(String... args) {
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
