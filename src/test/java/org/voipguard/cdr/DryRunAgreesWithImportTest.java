package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.CDR_HEADER;
import static org.voipguard.support.ImportFixtures.call;
import static org.voipguard.support.ImportFixtures.csv;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/**
 * The dry run and the import evaluate a file with the same core: given calls already stored and
 * a month already closed, the alerts the dry run promises are exactly the ones the import raises.
 */
@SpringBootTest
@AlsoOnPostgreSql
class DryRunAgreesWithImportTest {

    private static final String ALICE = "+441632960001";
    private static final String BOB = "+441632960002";
    private static final Pattern PROMISED = Pattern.compile("would raise (\\S+) (\\S+) \\(rule \"([^\"]+)\"\\)");

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void callsStoredAndOctoberClosed() {
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@acme.example", "billing@acme.example");
        givenNumber(jdbc, BOB, "bob@acme.example", null);
        Path earlier = csv(dir, "earlier.csv", CDR_HEADER,
                call("c-1", ALICE, "2026-10-20T10:00:00Z", "09098790123", "150", "9.00"),
                call("c-2", ALICE, "2026-11-02T10:00:00Z", "01632960999", "3", "8.00"));
        assertThat(run("cdrs", "import", "--no-email", earlier.toString())).isEqualTo(ExitCodes.DONE);
        assertThat(run("month-end", "--month", "2026-10")).isEqualTo(ExitCodes.DONE);
    }

    @Test
    void theDryRunPromisesExactlyTheAlertsTheImportRaises() {
        Path file = csv(dir, "mixed.csv", CDR_HEADER,
                call("c-1", ALICE, "2026-10-20T10:00:00Z", "09098790123", "150", "9.00"),
                call("c-3", ALICE, "2026-10-30T10:00:00Z", "09098790123", "150", "4.00"),
                call("c-4", ALICE, "2026-11-03T10:00:00Z", "09098790123", "150", "3.00"),
                call("c-5", BOB, "2026-11-03T11:00:00Z", "0033123456789", "5", "0.05"),
                call("c-5", BOB, "2026-11-03T11:00:00Z", "0033123456789", "5", "0.05"));

        run("cdrs", "import", "--dry-run", file.toString());
        List<String> promised = promisedAlerts(out.toString());
        String dryRunCounts = out.toString();
        long alertsBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM alert", Long.class);
        run("cdrs", "import", "--no-email", file.toString());
        List<String> raised = jdbc.queryForList("SELECT alert_type || ' ' || number || ' ' || rule_name FROM alert "
                + "WHERE id > ? ORDER BY 1", String.class, alertsBefore);

        assertThat(promised).containsExactlyElementsOf(raised);
        assertThat(raised).hasSize(4).anyMatch(a -> a.startsWith("BILL_WARNING " + ALICE));
        assertThat(dryRunCounts).contains(": 5 records, 3 evaluated, 2 duplicates, 0 rejected, 4 alerts");
        assertThat(out.toString()).contains(": 5 records, 3 imported, 2 duplicates, 0 rejected, 1 late charges, 4 alerts");
    }

    private static List<String> promisedAlerts(String output) {
        Matcher alert = PROMISED.matcher(output);
        List<String> promised = new ArrayList<>();
        while (alert.find()) {
            promised.add(alert.group(1) + " " + alert.group(2) + " " + alert.group(3));
        }
        return promised.stream().sorted().toList();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                args);
    }
}
