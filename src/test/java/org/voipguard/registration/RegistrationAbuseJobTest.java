package org.voipguard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.givenNumber;
import static org.voipguard.support.ImportFixtures.kamailioRegister;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.command.ExitCodes;
import org.voipguard.notification.AlertFacts;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Registration abuse through the import job: password guessing from one address raises one
 * AUTH_FAILURES alert to the operators over real SMTP and puts the address on the blocklist
 * until its ban ends; a scanner's single request raises SCANNER; failures of users that are no
 * number count; an address on a number's access list is alerted about but never blocked.
 */
@AlsoOnPostgreSql
@SpringBootTest
class RegistrationAbuseJobTest {

    private static final String OPERATORS = "noc@provider.example";
    private static final String GUESSER = "203.0.113.66";
    private static final Instant START = Instant.parse("2026-11-02T10:00:00Z");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpAndOperators(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("voipguard.operator-email", () -> OPERATORS);
    }

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void givenTwelveNumbers() throws Exception {
        TestDatabase.clear(jdbc);
        SMTP.purgeEmailFromAllMailboxes();
        for (int i = 1; i <= 12; i++) {
            givenNumber(jdbc, number(i), "owner" + i + "@acme.example", null);
        }
        givenNumber(jdbc, "+441632960099", "pbx@acme.example", null, "198.51.100.0/24", null);
    }

    @Test
    void thirtyWrongPasswordsFromOneAddressAgainstTwelveNumbersRaiseOneAlertToTheOperatorsAndABan() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(kamailioRegister(START.plusSeconds(6L * i), number(1 + i % 12).substring(1), GUESSER,
                    "BAD_PASSWORD", "Z 3.15.40006 rv2.8.20"));
        }
        Path log = write("guessing.log", lines);

        int exit = run("registrations", "import", log.toString());

        assertThat(exit).as(out.toString()).isEqualTo(ExitCodes.DONE);
        assertThat(alerts()).containsExactly("AUTH_FAILURES null " + GUESSER);
        Map<String, String> facts = AlertFacts.decode(jdbc.queryForObject("SELECT facts FROM alert", String.class));
        assertThat(facts).containsEntry("source_ip", GUESSER).containsEntry("failures", "10")
                .containsEntry("numbers_tried", "10").containsEntry("severity", "WARNING");
        List<String> received = Arrays.stream(SMTP.getReceivedMessages()).map(GreenMailUtil::getWholeMessage).toList();
        assertThat(received).hasSize(1);
        String headers = received.get(0).substring(0, received.get(0).indexOf("\r\n\r\n"));
        assertThat(headers).contains("To: " + OPERATORS + "\r\n", "X-VoIPGuard-Alert: AUTH_FAILURES\r\n",
                "X-VoIPGuard-Address: " + GUESSER + "\r\n", "X-VoIPGuard-Severity: WARNING\r\n")
                .doesNotContain("X-VoIPGuard-Number", "owner");

        assertThat(export("plain")).contains(GUESSER + "\t");
        assertThat(export("plain", "--at", Instant.now().plus(Duration.ofHours(2)).toString())).doesNotContain(GUESSER);
        assertThat(export("nftables")).contains("add element inet voipguard blocked_ipv4 { " + GUESSER + " timeout ");
    }

    @Test
    void theDryRunShowsTheAlertAndStoresNoWindowNorBan() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(kamailioRegister(START.plusSeconds(i), number(1 + i).substring(1), GUESSER, "BAD_PASSWORD", "x"));
        }

        int exit = run("registrations", "import", "--dry-run", write("dry.log", lines).toString());

        assertThat(exit).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).contains("would raise AUTH_FAILURES " + GUESSER
                + " (rule \"Too many failed authentications from one address\")");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM abuse_window", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM address_ban", Long.class)).isZero();
        assertThat(alerts()).isEmpty();
    }

    @Test
    void theSameLinesImportedAgainRaiseNothing() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(kamailioRegister(START.plusSeconds(i), number(1 + i).substring(1), GUESSER, "BAD_PASSWORD", "x"));
        }
        run("registrations", "import", "--no-email", write("first.log", lines).toString());
        lines.add(0, "Nov  2 10:00:00 sbc kamailio[1742]: INFO: <core>: another line");

        run("registrations", "import", "--no-email", write("again.log", lines).toString());

        assertThat(alerts()).containsExactly("AUTH_FAILURES null " + GUESSER);
    }

    @Test
    void aScannersSingleRequestForAUserThatIsNoNumberRaisesScannerAndCountsAsSkipped() throws IOException {
        Path log = write("scanner.log",
                List.of(kamailioRegister(START, "100", "192.0.2.200", "UNKNOWN_USER", "friendly-scanner")));

        int exit = run("registrations", "import", "--no-email", log.toString());

        assertThat(exit).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).contains("1 skipped (1 failed REGISTER of a user that is no number)");
        assertThat(alerts()).containsExactly("SCANNER null 192.0.2.200");
        assertThat(export("kamailio-htable")).contains("1:192.0.2.200:0:0:SCANNER:");
    }

    @Test
    void failuresOfUsersThatAreNoNumberCountTowardsTheAddress() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(kamailioRegister(START.plusSeconds(i), "admin", "2001:db8:bad::7", "UNKNOWN_USER", "x"));
        }

        run("registrations", "import", "--no-email", write("admin.log", lines).toString());

        assertThat(alerts()).containsExactly("AUTH_FAILURES null 2001:db8:bad::7");
        assertThat(export("nftables")).contains("add element inet voipguard blocked_ipv6 { 2001:db8:bad::7 timeout ");
    }

    @Test
    void anAddressOnANumbersAccessListIsAlertedAboutButNeverBlocked() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(kamailioRegister(START.plusSeconds(i), number(1 + i).substring(1), "198.51.100.66",
                    "BAD_PASSWORD", "x"));
        }

        run("registrations", "import", "--no-email", write("pbx.log", lines).toString());

        assertThat(alerts()).containsExactly("AUTH_FAILURES null 198.51.100.66");
        assertThat(export("plain")).doesNotContain("198.51.100.66");
        assertThat(err.toString()).contains("1 on a number's IP access list");
    }

    private List<String> alerts() {
        return jdbc.queryForList("SELECT alert_type || ' ' || COALESCE(number, 'null') || ' ' || address FROM alert",
                String.class);
    }

    private String export(String format, String... more) {
        List<String> args = new ArrayList<>(List.of("blocklist", "export", "--format", format));
        args.addAll(List.of(more));
        int exit = run(args.toArray(String[]::new));
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.DONE);
        return out.toString();
    }

    private static String number(int i) {
        return "+4416329600" + String.format("%02d", i);
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
