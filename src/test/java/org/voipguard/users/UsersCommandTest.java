package org.voipguard.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.support.AlsoOnPostgreSql;

/** users add, remove and list as an operator runs them, the password piped to standard input. */
@AlsoOnPostgreSql
@SpringBootTest
class UsersCommandTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAccounts accounts;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void noUsers() {
        jdbc.update("DELETE FROM control_page_user");
    }

    @Test
    void addReadsThePasswordFromStandardInputAndStoresOnlyItsBcryptHash() {
        int exitCode = runWithInput(PASSWORD + "\n", "users", "add", "alice", "--role", "operator");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("alice may now log in as operator");
        String stored = jdbc.queryForObject("SELECT password_hash FROM control_page_user WHERE name = 'alice'",
                String.class);
        assertThat(stored).startsWith("$2a$").doesNotContain(PASSWORD);
        assertThat(UserAccounts.passwordEncoder().matches(PASSWORD, stored)).isTrue();
        assertThat(accounts.find("alice")).get().extracting(UserAccount::role).isEqualTo(Role.OPERATOR);
    }

    @Test
    void aPasswordLineFromWindowsLosesItsCarriageReturnButKeepsItsSpaces() {
        runWithInput("  spaces around it  \r\n", "users", "add", "bob", "--role", "ANALYST");

        String stored = accounts.find("bob").orElseThrow().passwordHash();
        assertThat(UserAccounts.passwordEncoder().matches("  spaces around it  ", stored)).isTrue();
        assertThat(accounts.find("bob").orElseThrow().role()).isEqualTo(Role.ANALYST);
    }

    @Test
    void badInputIsRefusedWithExitCode2AndNothingStored() {
        assertRefused("", "no password on standard input", "users", "add", "alice", "--role", "operator");
        assertRefused("short\n", "shorter than 12 characters", "users", "add", "alice", "--role", "operator");
        assertRefused("x".repeat(73) + "\n", "longer than 72 bytes", "users", "add", "alice", "--role", "operator");
        assertRefused(PASSWORD + "\n", "no role 'admin': operator or analyst", "users", "add", "alice", "--role", "admin");
        assertRefused(PASSWORD + "\n", "a user name is 1 to 64 letters", "users", "add", "<b>", "--role", "analyst");
        assertRefused(PASSWORD + "\n", "Missing required option: '--role=ROLE'", "users", "add", "alice");

        assertThat(accounts.none()).isTrue();
    }

    @Test
    void aNameIsAddedOnceAndRemoveTakesItAway() {
        runWithInput(PASSWORD + "\n", "users", "add", "alice", "--role", "operator");

        assertRefused(PASSWORD + " 2\n", "user 'alice' exists already", "users", "add", "alice", "--role", "analyst");
        assertThat(runWithInput("", "users", "remove", "alice")).isZero();
        assertThat(accounts.find("alice")).isEmpty();
        assertRefused("", "no user 'alice'", "users", "remove", "alice");
    }

    @Test
    void listShowsNamesAndRolesButNoHash() {
        accounts.add("carol", Role.ANALYST, PASSWORD.toCharArray());
        accounts.add("alice", Role.OPERATOR, PASSWORD.toCharArray());

        assertThat(runWithInput("", "users", "list")).isZero();

        assertThat(out.toString().lines().toList()).isEqualTo(List.of("alice  operator", "carol  analyst"));
    }

    private void assertRefused(String input, String message, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertThat(runWithInput(input, args)).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains(message);
    }

    private int runWithInput(String input, String... args) {
        InputStream standardInput = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        } finally {
            System.setIn(standardInput);
        }
    }
}
