package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.CDR_HEADER;
import static org.voipguard.support.ImportFixtures.call;
import static org.voipguard.support.ImportFixtures.csv;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;
import org.voipguard.cli.CommandLineLauncher;

/** A rule file that does not compile stops an import before it reads a line, naming file and line. */
@AlsoOnPostgreSql
@SpringBootTest
class BrokenRulesTest {

    private static final Path RULES = Path.of("target", "broken-rules");

    @DynamicPropertySource
    static void brokenRules(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(RULES);
        Files.writeString(RULES.resolve("price-limits.drl"), """
                package org.voipguard.policies;
                import org.voipguard.rules.facts.OutgoingCall;
                global org.voipguard.rules.AlertCollector alerts;

                rule "A rule with a typo"
                when
                    $call : OutgoingCall( pricePerMinute > 20 )
                then
                    alerts.raise(kcontext, "RATE_LIMIT_EXCEEDED", $call);
                end
                """);
        registry.add("voipguard.rules-dir", RULES::toString);
    }

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    @Test
    void theImportStopsBeforeReadingWithTheFileAndLineOfTheError() {
        TestDatabase.clear(jdbc);
        Path cdrs = csv(dir, "cdrs.csv", CDR_HEADER, call("c1", "+441632960001", "2026-11-02T10:00:00Z", "01632960999", "1", "0.01"));
        StringWriter err = new StringWriter();

        int exitCode = CommandLineLauncher.execute(context, new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "cdrs", "import", cdrs.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("price-limits.drl:7:");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class)).isZero();
    }
}
