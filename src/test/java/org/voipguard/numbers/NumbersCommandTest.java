package org.voipguard.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

@AlsoOnPostgreSql
@SpringBootTest
class NumbersCommandTest {

    private static final String NUMBER = "+441632960001";

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.clear(jdbc);
    }

    @Test
    void showsSettingsRegisteredPhonesSpendAndRecentAlerts() throws IOException {
        givenSettings(NUMBER + ",acme,ops@acme.example,,15,,\"128.66.0.1, 2001:DB8::/48\",NEW_AGENT,");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String hostileAgent = "snom300/8.7.3.25\r\nX-Injected: yes\u001b[31m" + "x".repeat(200);
        jdbc.update("INSERT INTO registered_phone (number, source_ip, source_port, transport, user_agent,"
                + " registered_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                NUMBER, "128.66.0.1", 5060, "UDP", hostileAgent, now.minusMinutes(5), now.plusMinutes(55));
        jdbc.update("INSERT INTO registered_phone (number, source_ip, source_port, transport, user_agent,"
                + " registered_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                NUMBER, "2001:db8::9", 5062, "TLS", "Expired/1.0", now.minusHours(3), now.minusHours(2));
        String month = YearMonth.now(ZoneId.of("Europe/London")).toString();
        jdbc.update("INSERT INTO monthly_spend (number, billing_month, spend_gbp, warned_multiple)"
                + " VALUES (?, ?, 23.4567, 2)", NUMBER, month);
        jdbc.update("INSERT INTO alert (alert_key, alert_type, number, rule_name, ruleset_version, facts, created_at)"
                + " VALUES ('k1', 'BILL_WARNING', ?, 'P3 bill warning', 'abc123', '{\"multiple\":\"2\",\"spend\":\"23.4567\"}',"
                + " TIMESTAMP WITH TIME ZONE '2024-07-01 09:30:00+00:00')", NUMBER);

        int exitCode = run("numbers", "show", NUMBER);

        assertThat(exitCode).as(err.toString()).isZero();
        String shown = out.toString();
        assertThat(shown).contains("Number " + NUMBER + " (login acme)")
                .contains("national limit       15p/min")
                .contains("international limit  2p/min")
                .contains("IP access list       128.66.0.1, 2001:DB8::/48")
                .contains("IP/agent notify      NEW_AGENT")
                .contains("bill warning level   GBP 10.00 (auto)")
                .contains("number email         ops@acme.example")
                .contains("login email          none")
                .contains("Registered phones: 1")
                .contains("128.66.0.1  port 5060  UDP  User-Agent: snom300/8.7.3.25 X-Injected: yes[31mxxx")
                .doesNotContain("Expired/1.0")
                .contains("Spend in " + month + ": GBP 23.4567; next warning at GBP 30.00")
                .contains("2024-07-01 10:30:00 BST  BILL_WARNING  rule \"P3 bill warning\" (rules abc123)"
                        + "  {\"multiple\":\"2\",\"spend\":\"23.4567\"}");
        assertThat(shown).doesNotContain("\r").doesNotContain("\u001b");
        String agentLine = shown.lines().filter(line -> line.contains("User-Agent:")).findFirst().orElseThrow();
        String agent = agentLine.substring(agentLine.indexOf("User-Agent: ") + "User-Agent: ".length());
        assertThat(agent).hasSize(NumbersCommand.USER_AGENT_WIDTH).endsWith("...");
    }

    @Test
    void showsNoRestrictionAndACustomerSetLevelAndNoSpendYet() throws IOException {
        givenSettings(NUMBER + ",acme,,,,,,,25");

        int exitCode = run("numbers", "show", NUMBER);

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("IP access list       none (no restriction)")
                .contains("bill warning level   GBP 25.00 (set by customer)")
                .contains("Registered phones: 0")
                .contains(": GBP 0.00; next warning at GBP 25.00")
                .contains("Recent alerts: none");
    }

    @Test
    void aStoredListThatAllowsEverythingIsShownAsRestrictingNothing() throws IOException {
        givenSettings(NUMBER + ",acme,,,,,,,");
        jdbc.update("UPDATE number_settings SET ip_access_list = '1.2.3.4/32, ::ffff:0:0/96' WHERE number = ?", NUMBER);

        int exitCode = run("numbers", "show", NUMBER);

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("IP access list       1.2.3.4/32, ::ffff:0:0/96 (restricts nothing: "
                + "\"::ffff:0:0/96\": allows every IPv4 address");
    }

    @Test
    void showsAtMostTheTenNewestAlerts() throws IOException {
        givenSettings(NUMBER + ",acme,,,,,,,");
        for (int day = 1; day <= 12; day++) {
            jdbc.update("INSERT INTO alert (alert_key, alert_type, number, rule_name, ruleset_version, facts,"
                    + " created_at) VALUES (?, 'NEW_IP', ?, 'P4', 'v1', ?, ?)", "k" + day, NUMBER, "{\"day\":\"" + day + "\"}",
                    OffsetDateTime.of(2024, 1, day, 12, 0, 0, 0, ZoneOffset.UTC));
        }

        run("numbers", "show", NUMBER);

        assertThat(out.toString().lines().filter(line -> line.contains("  NEW_IP  "))).hasSize(10)
                .first().asString().endsWith("{\"day\":\"12\"}");
        assertThat(out.toString()).doesNotContain("{\"day\":\"2\"}").doesNotContain("{\"day\":\"1\"}");
    }

    @Test
    void anUnknownNumberIsABadArgument() {
        int exitCode = run("numbers", "show", "+441632960777");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("unknown number +441632960777");
    }

    @Test
    void aNumberThatIsNotE164OrNoSubcommandIsABadArgument() {
        assertThat(run("numbers", "show", "01632 960001")).isEqualTo(2);
        assertThat(err.toString()).contains("not an E.164 number");

        assertThat(run("numbers")).isEqualTo(2);
    }

    @Test
    void importPrintsASummaryAndEachRejectedRow() throws IOException {
        Path file = dir.resolve("settings.csv");
        Files.writeString(file, NumberSettingsImporterTest.HEADER + "\n" + NUMBER + ",acme,,,,,,,\n"
                + "+441632960002,acme,,,,,300.1.1.1,,\n", StandardCharsets.UTF_8);

        int exitCode = run("numbers", "import", file.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).startsWith("numbers import: 2 read, 1 new, 0 updated, 1 rejected (rejects: ");
        assertThat(err.toString()).contains("settings.csv: line 3, field ip_access_list: ")
                .contains("\"300.1.1.1\"");
    }

    @Test
    void importOfAMissingFileOrAWrongHeaderExitsWithTwo() throws IOException {
        assertThat(run("numbers", "import", dir.resolve("missing.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");

        Path wrong = dir.resolve("wrong.csv");
        Files.writeString(wrong, "number;login\n", StandardCharsets.UTF_8);
        assertThat(run("numbers", "import", wrong.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("header must be");
    }

    private void givenSettings(String row) throws IOException {
        Path file = dir.resolve("given.csv");
        Files.writeString(file, NumberSettingsImporterTest.HEADER + "\n" + row + "\n", StandardCharsets.UTF_8);
        assertThat(context.getBean(NumberSettingsImporter.class).importFile(file).rejections()).isEmpty();
    }

    private int run(String... args) {
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
