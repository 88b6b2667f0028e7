package org.voipguard.controlpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.notification.Mailer;
import org.voipguard.numbers.NumberSettingsImporter;
import org.voipguard.registration.LogFormat;
import org.voipguard.registration.RegistrationImporter;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;
import org.voipguard.users.Role;
import org.voipguard.users.UserAccounts;

/** The control page over real HTTP: the login, the pages a logged-in user sees, and what stays open. */
@AlsoOnPostgreSql
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
class ControlPagesTest {

    private static final String NUMBER = "+441632960001";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String HOSTILE_AGENT = "<script>alert(1)</script>";

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private NumberSettingsImporter settings;
    @Autowired
    private RegistrationImporter registrations;
    @Autowired
    private Mailer mailer;
    @Autowired
    private UserAccounts users;
    @TempDir
    private Path dir;
    private PageClient browser;

    @BeforeEach
    void givenANumberWithAPhoneWhoseUserAgentIsAScriptAndOneUser() throws Exception {
        TestDatabase.clear(jdbc);
        jdbc.update("DELETE FROM control_page_user");
        Path numbers = dir.resolve("numbers.csv");
        Files.writeString(numbers, "number,login,number_email,login_email,national_limit_ppm,international_limit_ppm,"
                + "ip_access_list,ip_agent_notify,bill_warning_level_gbp\n" + NUMBER + ",acme,alice@acme.example,,,,,,\n");
        assertThat(settings.importFile(numbers).rejections()).isEmpty();
        Path log = dir.resolve("registrations-" + System.nanoTime() + ".csv");
        Files.writeString(log, "time,number,source_ip,source_port,transport,user_agent,auth_result,expires_s\n"
                + Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS) + "," + NUMBER
                + ",198.51.100.20,5060,UDP,\"" + HOSTILE_AGENT + "\",OK,3600\n");
        assertThat(registrations.importFile(log, LogFormat.CSV).alerts()).isEqualTo(1);
        mailer.sendPending();
        users.add("alice", Role.ANALYST, PASSWORD.toCharArray());
        browser = new PageClient(port);
    }

    @Test
    void withoutALoginEveryPageLeadsToTheLoginForm() {
        for (String page : new String[] {"/", "/numbers/%2B441632960001", "/alerts", "/numbers?q=01632960001"}) {
            PageClient.Page answer = browser.get(page);

            assertThat(answer.status()).as(page).isEqualTo(302);
            assertThat(answer.location()).as(page).endsWith("/login");
        }
    }

    @Test
    void theSwitchApiAndTheMonitoringNeedNoLogin() {
        PageClient.Page decision = browser.get("/v1/registrations/authorize?number=441632960001&ip=192.0.2.1");
        PageClient.Page health = browser.get("/actuator/health");

        assertThat(decision.status()).isEqualTo(200);
        assertThat(decision.body()).contains("\"decision\":\"ALLOW\"");
        assertThat(health.status()).isEqualTo(200);
    }

    @Test
    void theLoginPageSaysHowToAddTheFirstUserOnlyWhileThereIsNone() {
        assertThat(browser.get("/login").body()).doesNotContain("No user yet");

        users.remove("alice");

        assertThat(browser.get("/login").body()).contains("No user yet")
                .contains("java -jar target/voipguard.jar users add NAME --role operator");
    }

    @Test
    void theRightPasswordLogsInAndAWrongOneDoesNot() {
        PageClient.Page wrong = browser.logIn("alice", PASSWORD + "!");
        PageClient.Page unknown = browser.logIn("mallory", PASSWORD);
        PageClient.Page right = browser.logIn("alice", PASSWORD);

        assertThat(wrong.location()).endsWith("/login?error");
        assertThat(unknown.location()).endsWith("/login?error");
        assertThat(right.location()).isEqualTo("http://127.0.0.1:" + port + "/");
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void aLoginPostedWithoutTheFormsCsrfTokenIsRefused() {
        browser.get("/login");

        PageClient.Page answer = browser.post("/login", Map.of("username", "alice", "password", PASSWORD));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(browser.get("/").status()).isEqualTo(302);
    }

    @Test
    void theNumberPageShowsTheScriptUserAgentAsTextNeverAsMarkup() {
        browser.logIn("alice", PASSWORD);

        PageClient.Page page = browser.get("/numbers/%2B441632960001");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Registered phones: <span id=\"phone-count\">1</span>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain(HOSTILE_AGENT)
                .contains("<svg");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void aNumberTypedInAnyCommonFormLeadsToItsPage() {
        browser.logIn("alice", PASSWORD);

        for (String typed : new String[] {"01632%20960001", "%2B44%201632%20960001", "441632960001", "0044-1632-960001"}) {
            PageClient.Page answer = browser.get("/numbers?q=" + typed);

            assertThat(answer.status()).as(typed).isEqualTo(302);
            assertThat(answer.location()).as(typed).endsWith("/numbers/+441632960001");
        }
        assertThat(browser.get("/numbers/01632960001").location()).endsWith("/numbers/+441632960001");
    }

    @Test
    void textThatIsNoKnownNumberIsSaidSoEscaped() {
        browser.logIn("alice", PASSWORD);

        PageClient.Page notANumber = browser.get("/numbers?q=%3Cb%3Ebold%3C%2Fb%3E");
        PageClient.Page unknown = browser.get("/numbers/%2B447700900999");

        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("+447700900999</span> has no settings");
    }

    @Test
    void alertsAreFilteredByTypeNumberAndDayAndShowTheEmailSent() {
        browser.logIn("alice", PASSWORD);

        PageClient.Page matching = browser.get("/alerts?type=NEW_IP_AND_USER_AGENT&number=01632+960001&from="
                + java.time.LocalDate.now().minusDays(1));
        PageClient.Page otherType = browser.get("/alerts?type=BILL_WARNING");
        PageClient.Page badDay = browser.get("/alerts?from=%3Cyesterday%3E");

        assertThat(matching.body()).contains("<a class=\"number-link\" href=\"/numbers/+441632960001\">")
                .contains("user_agent=&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<dt>To</dt><dd>alice@acme.example</dd>")
                .contains("<summary><span>SENT</span>")
                .doesNotContain(HOSTILE_AGENT);
        assertThat(otherType.body()).contains("No alert matches.");
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.body()).contains("from: expected a day as YYYY-MM-DD").doesNotContain("yesterday");
    }

    @Test
    void theOverviewCountsTheDaysAlertsAndListsTheImports() {
        browser.logIn("alice", PASSWORD);

        String overview = browser.get("/").body();

        assertThat(overview).contains("<a href=\"/alerts?type=NEW_IP_AND_USER_AGENT\">NEW_IP_AND_USER_AGENT</a>")
                .contains("<a class=\"number-link\" href=\"/numbers/+441632960001\">+441632960001</a>")
                .containsPattern("<td>REGISTRATION</td>\\s*<td>registrations-\\d+\\.csv</td>\\s*"
                        + "<td class=\"number\">1</td>")
                .contains("<title>Alerts per day by type")
                .contains("No address is banned now.");
    }

    @Test
    void theOverviewListsTheAddressesBannedNow() throws Exception {
        Path scan = dir.resolve("scanner-" + System.nanoTime() + ".csv");
        Files.writeString(scan, "time,number,source_ip,source_port,transport,user_agent,auth_result,expires_s\n"
                + Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS) + "," + NUMBER
                + ",203.0.113.66,5060,UDP,friendly-scanner,BAD_PASSWORD,3600\n");
        registrations.importFile(scan, LogFormat.CSV);
        browser.logIn("alice", PASSWORD);

        String overview = browser.get("/").body();

        assertThat(overview).containsPattern("<td>203\\.0\\.113\\.66</td>\\s*<td>SCANNER</td>")
                .doesNotContain("No address is banned now.");
    }

    @Test
    void logoutEndsTheSession() {
        browser.logIn("alice", PASSWORD);
        String token = PageClient.csrfToken(browser.get("/").body());

        PageClient.Page answer = browser.post("/logout", Map.of("_csrf", token));

        assertThat(answer.location()).endsWith("/login?logout");
        assertThat(browser.get("/").status()).isEqualTo(302);
    }
}
