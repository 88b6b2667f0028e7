package org.voipguard.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.numbers.NumberSettingsImporter;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/** serve over real HTTP: the answers a switch gets, good input and bad. */
@AlsoOnPostgreSql
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "voipguard.serve.refresh-interval=200ms"})
class ServeEndpointsTest {

    private static final String SETTINGS_HEADER = "number,login,number_email,login_email,national_limit_ppm,"
            + "international_limit_ppm,ip_access_list,ip_agent_notify,bill_warning_level_gbp";
    private static final Duration REFRESH = Duration.ofSeconds(5);

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private NumberSettingsImporter importer;
    @TempDir
    private Path dir;
    private ServeClient serve;

    @BeforeEach
    void givenTwoNumbers() throws Exception {
        serve = new ServeClient(port);
        TestDatabase.clear(jdbc);
        importSettings("+441632960001,acme,,,,,,,",
                "+441632960002,acme,,,30,5,\"192.0.2.0/29, 2001:DB8::/48\",,");
        serve.awaitAnswer("/v1/registrations/authorize?number=441632960002&ip=10.0.0.1",
                a -> "DENY".equals(a.field("decision")), REFRESH);
    }

    @Test
    void aPremiumRateCallAbove20pIsDeniedWithEveryFieldOfTheAnswer() {
        ServeClient.Answer answer = serve.get("/v1/calls/authorize?number=%2B441632960001&dialled=09098790123"
                + "&at=2026-11-02T10:00:00Z");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().toString()).isEqualTo("{\"decision\":\"DENY\",\"number\":\"+441632960001\","
                + "\"dialled\":\"+449098790123\",\"callClass\":\"NATIONAL\",\"premium\":true,\"pricePpm\":150,"
                + "\"limitPpm\":20,\"rule\":\"National call priced above the number's national limit\","
                + "\"ruleSetVersion\":\"" + answer.field("ruleSetVersion") + "\"}");
        assertThat(answer.field("ruleSetVersion")).isNotBlank();
    }

    @Test
    void aNumberWithoutPlusAsInASipUserPartIsTheSameNumber() {
        ServeClient.Answer answer = serve.get("/v1/calls/authorize?number=441632960002&dialled=%2B12025550143"
                + "&at=2026-11-02T10:00:00Z");

        assertThat(answer.field("decision")).isEqualTo("ALLOW");
        assertThat(answer.field("number")).isEqualTo("+441632960002");
        assertThat(answer.field("limitPpm")).isEqualTo("5");
        assertThat(answer.field("rule")).isNull();
    }

    @Test
    void aPriceEqualToTheLimitIsAllowedAndOneAboveIsNot() {
        assertThat(serve.get("/v1/calls/authorize?number=441632960001&dialled=01632960999&price=20")
                .field("decision")).isEqualTo("ALLOW");
        assertThat(serve.get("/v1/calls/authorize?number=441632960001&dialled=01632960999&price=20.01")
                .field("decision")).isEqualTo("DENY");
    }

    @Test
    void aNumberNeverImportedGetsTheDefaults() {
        ServeClient.Answer call = serve.get("/v1/calls/authorize?number=447700900999&dialled=0033140000000&price=3");
        ServeClient.Answer registration = serve.get("/v1/registrations/authorize?number=447700900999&ip=203.0.113.9");

        assertThat(call.field("decision")).isEqualTo("DENY");
        assertThat(call.field("limitPpm")).isEqualTo("2");
        assertThat(registration.json().toString()).isEqualTo("{\"decision\":\"ALLOW\",\"number\":\"+447700900999\","
                + "\"ip\":\"203.0.113.9\",\"accessList\":\"\"}");
    }

    @Test
    void anAddressOnTheBlocklistIsDeniedWhateverTheAccessListAndSaysWhy() throws Exception {
        jdbc.update("INSERT INTO address_ban (alert_key, address, reason, banned_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                "AUTH_FAILURES:203.0.113.66:test", "203.0.113.66", "AUTH_FAILURES",
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now().plus(Duration.ofHours(1))));

        ServeClient.Answer answer = serve.awaitAnswer("/v1/registrations/authorize?number=441632960001&ip=203.0.113.66",
                a -> "DENY".equals(a.field("decision")), REFRESH);

        assertThat(answer.field("blocklisted")).isEqualTo("AUTH_FAILURES");
        assertThat(decision("/v1/registrations/authorize?number=441632960001&ip=203.0.113.67")).isEqualTo("ALLOW");
    }

    @Test
    void registrationsAreCheckedAgainstTheAccessListInEveryAddressForm() {
        assertThat(decision("/v1/registrations/authorize?number=441632960002&ip=192.0.2.7")).isEqualTo("ALLOW");
        assertThat(decision("/v1/registrations/authorize?number=441632960002&ip=192.0.2.8")).isEqualTo("DENY");
        assertThat(decision("/v1/registrations/authorize?number=441632960002&ip=%3A%3Affff%3A192.0.2.1"))
                .isEqualTo("ALLOW");
        assertThat(decision("/v1/registrations/authorize?number=441632960002&ip=2001%3Adb8%3A%3A1")).isEqualTo("ALLOW");
        assertThat(decision("/v1/registrations/authorize?number=441632960002&ip=2001%3Adb9%3A%3A1")).isEqualTo("DENY");
    }

    @Test
    void badInputIsA400NamingTheParameterInValidJson() {
        assertError("/v1/calls/authorize?dialled=0123", "number: missing");
        assertError("/v1/calls/authorize?number=01632960001&dialled=0123", "number: not an E.164 number");
        assertError("/v1/calls/authorize?number=441632960001", "dialled: missing");
        assertError("/v1/calls/authorize?number=441632960001&dialled=%22%7D%0A%3Cx%3E", "dialled:");
        assertError("/v1/calls/authorize?number=441632960001&dialled=0123&at=2026-11-02T10:00:00", "at:");
        assertError("/v1/calls/authorize?number=441632960001&dialled=0123&price=-1", "price:");
        assertError("/v1/registrations/authorize?number=441632960001&ip=192.0.2.0%2F24", "ip:");
        assertError("/v1/registrations/authorize?number=441632960001&ip=0.0.0.0", "ip:");
        assertError("/v1/registrations/authorize?number=%22%3Cscript%3E&ip=192.0.2.1", "number:");
    }

    @Test
    void settingsChangedByNumbersImportAnswerWithinFiveSeconds() throws Exception {
        String query = "/v1/registrations/authorize?number=441632960001&ip=198.51.100.7";
        assertThat(decision(query)).isEqualTo("ALLOW");

        importSettings("+441632960001,acme,,,,,203.0.113.0/24,,");

        assertThat(serve.awaitAnswer(query, a -> "DENY".equals(a.field("decision")), REFRESH).field("decision"))
                .isEqualTo("DENY");
    }

    @Test
    void healthIsUpAndPrometheusCountsDecisionsByEndpointAndResult() {
        serve.get("/v1/calls/authorize?number=441632960001&dialled=09098790123");
        serve.get("/v1/registrations/authorize?number=441632960002&ip=bad");

        ServeClient.Answer health = serve.get("/actuator/health");
        String metrics = serve.get("/actuator/prometheus").body();

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.field("status")).isEqualTo("UP");
        assertThat(metrics).contains("voipguard_decisions_seconds_count{endpoint=\"calls\",result=\"DENY\"}")
                .contains("voipguard_decisions_seconds_count{endpoint=\"registrations\",result=\"BAD_REQUEST\"}")
                .contains("voipguard_decisions_seconds_bucket{endpoint=\"calls\",result=\"DENY\",le=");
    }

    private String decision(String query) {
        ServeClient.Answer answer = serve.get(query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.field("decision");
    }

    private void assertError(String query, String error) {
        ServeClient.Answer answer = serve.get(query);
        assertThat(answer.status()).as(query).isEqualTo(400);
        assertThat(answer.json().size()).isEqualTo(1);
        assertThat(answer.field("error")).as(query).startsWith(error);
    }

    private void importSettings(String... rows) throws Exception {
        Path file = dir.resolve("numbers-" + System.nanoTime() + ".csv");
        Files.writeString(file, SETTINGS_HEADER + "\n" + String.join("\n", rows) + "\n");
        assertThat(importer.importFile(file).rejections()).isEmpty();
    }
}
