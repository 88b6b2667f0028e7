package org.voipguard.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/** The price-limit decision for one call before it is placed, with the same rules as the imports. */
@AlsoOnPostgreSql
@SpringBootTest
class CallsCommandTest {

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void givenANumberWithTheDefaultLimits() {
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, "+441632960001", "alice@example.com", null);
    }

    @Test
    void aPremiumRateCallAt150pIsDeniedUnderThe20pDefault() {
        String output = check("+441632960001", "09098790123", "--at", "2026-11-02T10:00:00Z");

        assertThat(output).startsWith("DENY +441632960001 -> +449098790123 (national, premium rate) at 150p/min, limit 20p/min")
                .contains("rule \"National call priced above the number's national limit\"");
    }

    @Test
    void aCallPricedExactlyAtTheLimitIsAllowed() {
        assertThat(check("+441632960001", "01632960999", "--price", "20")).startsWith("ALLOW");
    }

    @Test
    void internationalCallsAreAllowedAt1point5pAndDeniedAt5p() {
        assertThat(check("+441632960001", "+12025550143", "--at", "2026-11-02T10:00:00Z")).startsWith("ALLOW");
        assertThat(check("+441632960001", "0033140000000", "--price", "5")).startsWith("DENY");
    }

    @Test
    void aNumberThatCannotBeDialledIsABadArgument() {
        StringWriter err = new StringWriter();

        int exitCode = CommandLineLauncher.execute(context, new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "calls", "check", "+441632960001", "not a number");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("called");
    }

    private String check(String... args) {
        StringWriter out = new StringWriter();
        String[] command = new String[args.length + 2];
        command[0] = "calls";
        command[1] = "check";
        System.arraycopy(args, 0, command, 2, args.length);
        int exitCode = CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter()), command);
        assertThat(exitCode).isZero();
        return out.toString();
    }
}
