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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.rules.ForbiddenRules;
import org.voipguard.rules.ForbiddenRules.ForbiddenRule;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/** A rule file that reaches past its facts stops an import, dry run or not, before it reads a line. */
@AlsoOnPostgreSql
@SpringBootTest
class ForbiddenRulesAtJobStartTest {

    private static final Path RULES = Path.of("target", "forbidden-rules");

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        registry.add("voipguard.rules-dir", RULES::toString);
    }

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    @ParameterizedTest(name = "{0}")
    @FieldSource("org.voipguard.rules.ForbiddenRules#ALL")
    void theImportStopsBeforeReadingWithTheFileAndLine(ForbiddenRule forbidden) throws IOException {
        TestDatabase.clear(jdbc);
        String place = givenShippedRulesAnd(forbidden);
        StringWriter err = new StringWriter();

        int exitCode = CommandLineLauncher.execute(context, new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "cdrs", "import", someCalls().toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains(place);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cdr", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class)).isZero();
        assertThat(ForbiddenRules.WRITTEN_BY_A_RULE).doesNotExist();
    }

    @Test
    void aDryRunStopsBeforeTheRuleCanWriteAFile() throws IOException {
        String place = givenShippedRulesAnd(ForbiddenRules.WRITES_A_FILE);
        StringWriter err = new StringWriter();

        int exitCode = CommandLineLauncher.execute(context, new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "cdrs", "import", "--dry-run", someCalls().toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains(place);
        assertThat(ForbiddenRules.WRITTEN_BY_A_RULE).doesNotExist();
    }

    private String givenShippedRulesAnd(ForbiddenRule forbidden) throws IOException {
        Files.deleteIfExists(ForbiddenRules.WRITTEN_BY_A_RULE);
        Files.createDirectories(RULES);
        try (var old = Files.list(RULES)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        try (var shipped = Files.list(Path.of("rules"))) {
            for (Path file : shipped.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Files.copy(file, RULES.resolve(file.getFileName()));
            }
        }
        return forbidden.writeInto(RULES);
    }

    private Path someCalls() {
        return csv(dir, "cdrs.csv", CDR_HEADER, call("c1", "+441632960001", "2026-11-02T10:00:00Z", "01632960999", "1", "0.01"));
    }
}
