package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.CDR_HEADER;
import static org.voipguard.support.ImportFixtures.call;
import static org.voipguard.support.ImportFixtures.csv;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.rules.RuleBookLoader;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/** Every alert names the rule that raised it and the version of the rule files; the run and the control page show both. */
@SpringBootTest
@AlsoOnPostgreSql
class AlertProvenanceTest {

    private static final String ALICE = "+441632960001";

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    @BeforeEach
    void empty() {
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, null, null);
    }

    @Test
    void anAnalystsRuleIsTracedFromTheAlertToItsRuleAndVersion() {
        String version = new RuleBookLoader().check(Path.of("rules")).version();
        Path cdrs = csv(dir, "cdrs.csv", CDR_HEADER, call("sat-1", ALICE, "2026-11-02T10:00:00Z", "+881631234567", "1", "0.01"));

        String imported = run("cdrs", "import", "--no-email", cdrs.toString());
        String shown = run("numbers", "show", ALICE);

        Map<String, Object> alert = jdbc.queryForMap("SELECT rule_name, ruleset_version FROM alert WHERE alert_type = 'SATELLITE_CALL'");
        assertThat(alert).containsEntry("RULE_NAME", "Call to a satellite network number")
                .containsEntry("RULESET_VERSION", version);
        assertThat(imported).contains("(rules " + version + ")");
        assertThat(shown).contains("SATELLITE_CALL  rule \"Call to a satellite network number\" (rules " + version + ")");
    }

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
        return out.toString();
    }
}
