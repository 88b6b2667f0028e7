package org.voipguard.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.numbers.SipPasswords;
import org.voipguard.support.TestDatabase;

/**
 * The shipped Kamailio configuration with the real Kamailio, asking this serve, and sipp as the
 * phones on 127.0.0.2 and 127.0.0.3. Skipped when kamailio or sipp is not installed, except on CI
 * (CI=true), where .ci/run installs them and the test must run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "voipguard.serve.refresh-interval=200ms"})
class KamailioEndToEndTest {

    private static final String NUMBER = "+441632960101";
    private static final String ALLOWED_PHONE = "127.0.0.2";
    private static final String FOREIGN_PHONE = "127.0.0.3";
    private static final Pattern REGISTER_LINE = Pattern.compile("VOIPGUARD-REGISTER ts=\\d+ user=\\+441632960101 "
            + "ip=127\\.0\\.0\\.[23] port=\\d+ proto=udp expires=300 auth=(OK|BAD_PASSWORD) ua=e2e-phone/1\\.0");

    @LocalServerPort
    private int port;
    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SipPasswords passwords;
    @TempDir
    static Path dir;
    private Process kamailio;
    private Path kamailioLog;
    private int sipPort;
    private String password;

    @BeforeAll
    void kamailioAskingServeWithOneNumberThatMayRegisterFrom127002() throws Exception {
        requireTools();
        TestDatabase.clear(jdbc);
        Path settings = dir.resolve("numbers.csv");
        Files.writeString(settings, "number,login,number_email,login_email,national_limit_ppm,international_limit_ppm,"
                + "ip_access_list,ip_agent_notify,bill_warning_level_gbp\n" + NUMBER + ",e2e,,,,,127.0.0.2,,\n");
        voipguard("numbers", "import", settings.toString());
        password = passwords.makePassword(NUMBER);
        voipguard("numbers", "export-subscribers", dir.resolve("db").toString());
        new ServeClient(port).awaitAnswer("/v1/registrations/authorize?number=441632960101&ip=127.0.0.9",
                a -> "DENY".equals(a.field("decision")), java.time.Duration.ofSeconds(5));
        startKamailio();
    }

    @AfterAll
    void stopKamailio() throws InterruptedException {
        if (kamailio != null) {
            kamailio.destroy();
            if (!kamailio.waitFor(10, TimeUnit.SECONDS)) {
                kamailio.destroyForcibly();
            }
        }
    }

    @Test
    void kamailioAcceptsAndRefusesAsServeDecides() throws Exception {
        assertThat(register(ALLOWED_PHONE, password, "200")).as("right password, allowed address").isZero();
        assertThat(register(FOREIGN_PHONE, password, "403")).as("right password, outside the access list").isZero();
        assertThat(register(ALLOWED_PHONE, "wrong-password", "401")).as("wrong password").isZero();
        assertThat(invite("09098790123", "403")).as("premium rate, 150p over the 20p limit").isZero();
        assertThat(invite("01632960999", "480")).as("national at a few pence: allowed, no gateway").isZero();

        List<String> lines = registerLines();
        assertThat(lines).hasSize(3).allMatch(line -> REGISTER_LINE.matcher(line).find());
        assertThat(lines.get(1)).contains("ip=127.0.0.3").contains("auth=OK");
        assertThat(lines.get(2)).contains("auth=BAD_PASSWORD");
    }

    @Test
    void theRegistrarsLogRaisesLockdownAndNewIpAsTheBatchPoliciesSay() throws Exception {
        Assumptions.assumeTrue(kamailioFormatKnown(), "registrations import --format kamailio is not in this build");
        register(ALLOWED_PHONE, password, "200");
        register(FOREIGN_PHONE, password, "403");

        voipguard("registrations", "import", "--format", "kamailio", "--no-email", kamailioLog.toString());

        List<String> alerts = jdbc.queryForList("SELECT alert_type || ' ' || alert_key || ' ' || facts FROM alert WHERE number = ?",
                String.class, NUMBER);
        assertThat(alerts).anyMatch(a -> a.startsWith("LOCKDOWN_BLOCKED") && a.contains(FOREIGN_PHONE))
                .anyMatch(a -> a.startsWith("NEW_IP") && a.contains(ALLOWED_PHONE))
                .noneMatch(a -> a.startsWith("NEW_IP") && a.contains(FOREIGN_PHONE));
    }

    private void startKamailio() throws Exception {
        try (DatagramSocket free = new DatagramSocket(0)) {
            sipPort = free.getLocalPort();
        }
        kamailioLog = dir.resolve("kamailio.log");
        Path runtime = Files.createDirectories(dir.resolve("run"));
        kamailio = new ProcessBuilder("kamailio", "-DD", "-E", "-f",
                Paths.get("batch-config/kamailio/kamailio.cfg").toAbsolutePath().toString(),
                "-A", "SUBSCRIBER_DB=\"text://" + dir.resolve("db").toAbsolutePath() + "\"",
                "-A", "VOIPGUARD_URL=\"http://127.0.0.1:" + port + "\"",
                "-A", "LISTEN=udp:127.0.0.1:" + sipPort, "-Y", runtime.toString(),
                "-P", runtime.resolve("kamailio.pid").toString())
                .redirectErrorStream(true).redirectOutput(kamailioLog.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.readString(kamailioLog).contains("Listening on") && System.nanoTime() < deadline) {
            assertThat(kamailio.isAlive()).as(Files.readString(kamailioLog)).isTrue();
            Thread.sleep(100);
        }
        Thread.sleep(500); // the workers take the socket just after the main process prints it
    }

    private int register(String fromAddress, String secret, String expected) throws Exception {
        return sipp(scenario("register.xml", expected), fromAddress, secret, List.of());
    }

    private int invite(String dialled, String expected) throws Exception {
        Path callee = dir.resolve("callee-" + dialled + ".csv");
        Files.writeString(callee, "SEQUENTIAL\n" + dialled + "\n");
        return sipp(scenario("invite.xml", expected), ALLOWED_PHONE, password, List.of("-inf", callee.toString()));
    }

    private int sipp(Path scenario, String fromAddress, String secret, List<String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("sipp", "127.0.0.1:" + sipPort, "-sf", scenario.toString(),
                "-s", NUMBER, "-au", NUMBER, "-ap", secret, "-i", fromAddress, "-p", "0", "-m", "1",
                "-timeout", "15", "-timeout_error", "-nostdin", "-trace_err", "-error_file",
                dir.resolve("sipp-errors.log").toString()));
        command.addAll(extra);
        Process sipp = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile()).start();
        assertThat(sipp.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return sipp.exitValue();
    }

    private Path scenario(String name, String expected) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/kamailio/" + name)) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${expected}", expected);
            return Files.writeString(dir.resolve(expected + "-" + name), xml);
        }
    }

    private List<String> registerLines() throws IOException {
        try (Stream<String> lines = Files.lines(kamailioLog)) {
            return lines.filter(line -> line.contains("VOIPGUARD-REGISTER")).toList();
        }
    }

    private boolean kamailioFormatKnown() {
        StringWriter out = new StringWriter();
        CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(out, true),
                "registrations", "import", "--help");
        return out.toString().contains("kamailio");
    }

    private void voipguard(String... args) {
        StringWriter err = new StringWriter();
        int exitCode = CommandLineLauncher.execute(context, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), args);
        assertThat(exitCode).as(String.join(" ", args) + ": " + err).isZero();
    }

    private static void requireTools() {
        boolean installed = onPath("kamailio") && onPath("sipp");
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("kamailio and sipp must be installed on CI (.ci/run installs them)");
        }
        Assumptions.assumeTrue(installed, "kamailio or sipp is not installed (apt-get install kamailio "
                + "kamailio-utils-modules sip-tester)");
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator
                + "/sbin";
        return Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Paths.get(d, program)));
    }
}
