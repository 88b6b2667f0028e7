package org.voipguard.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.support.TestDatabase;

/** {@code numbers make-password}: a strong password shown once, only the registrar's digest kept. */
@SpringBootTest(properties = "voipguard.sip.realm=sip.example.net")
class MakePasswordTest {

    private static final String NUMBER = "+441632960001";

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void givenANumber() throws IOException {
        TestDatabase.clear(jdbc);
        Path settings = Files.writeString(dir.resolve("numbers.csv"), "number,login,number_email,login_email,"
                + "national_limit_ppm,international_limit_ppm,ip_access_list,ip_agent_notify,bill_warning_level_gbp\n"
                + NUMBER + ",acme,,,,,,,\n");
        assertThat(run(new StringWriter(), new StringWriter(), "numbers", "import", settings.toString())).isZero();
    }

    @Test
    void printsAStrongPasswordOnceAndStoresOnlyItsHa1() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int exit;
        try (PrintStream captured = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setOut(captured);
            System.setErr(captured);
            exit = run(out, err, "numbers", "make-password", NUMBER);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        String password = lines.get(lines.size() - 1);
        assertThat(password).hasSize(24).matches("[23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ]+");
        assertThat(24 * Math.log(SipPasswords.ALPHABET.length()) / Math.log(2)).isGreaterThanOrEqualTo(128);
        assertThat(out.toString().split(password, -1)).as("printed once").hasSize(2);
        assertThat(err.toString()).doesNotContain(password);
        assertThat(console.toString(StandardCharsets.UTF_8)).as("nothing logged").doesNotContain(password);

        Map<String, Object> stored = jdbc.queryForMap("SELECT * FROM sip_credential WHERE number = ?", NUMBER);
        assertThat(stored).containsEntry("REALM", "sip.example.net")
                .containsEntry("HA1", SipPasswords.ha1(NUMBER, "sip.example.net", password));
        assertThat(stored.values()).noneMatch(value -> String.valueOf(value).contains(password));
        assertThat(SipPasswords.ha1("Mufasa", "testrealm@host.com", "Circle Of Life"))
                .as("the RFC 2617 example").isEqualTo("939e7578ed9e3c518a452acee763bce9");
    }

    @Test
    void eachPasswordIsNewAndShowSaysWhenItChangedButNeverTheSecret() {
        Set<String> passwords = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            StringWriter out = new StringWriter();
            run(out, new StringWriter(), "numbers", "make-password", NUMBER);
            passwords.add(out.toString().strip().lines().reduce((a, b) -> b).orElseThrow());
        }
        StringWriter show = new StringWriter();
        run(show, new StringWriter(), "numbers", "show", NUMBER);

        assertThat(passwords).hasSize(20);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sip_credential", Integer.class)).isEqualTo(1);
        String ha1 = jdbc.queryForObject("SELECT ha1 FROM sip_credential", String.class);
        assertThat(show.toString()).containsPattern("SIP password +last changed \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")
                .doesNotContain(ha1);
        assertThat(passwords).noneMatch(show.toString()::contains);
    }

    @Test
    void anUnknownNumberGetsNoPassword() {
        StringWriter err = new StringWriter();

        int exit = run(new StringWriter(), err, "numbers", "make-password", "+441632960099");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown number +441632960099");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sip_credential", Integer.class)).isZero();
    }

    private int run(StringWriter out, StringWriter err, String... args) {
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
