package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.notification.NotificationFixtures.givenNumber;
import static org.voipguard.notification.NotificationFixtures.newUserAgent;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** An SMTP server that is down when the run starts and up for the next run. */
@AlsoOnPostgreSql
@SpringBootTest
class SmtpOutageTest {

    private static final String ALICE = "+441632960001";
    private static final int PORT = freePort();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
    }

    @Autowired
    private AlertStore alerts;
    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void givenAnAlertForANumberWithAnAddress() {
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, ALICE, "alice@example.com", null);
        alerts.store(List.of(newUserAgent(ALICE, "Zoiper rv2.10")), 1L);
    }

    @Test
    void aFailedSendStaysPendingAndTheNextRunSendsItExactlyOnce() {
        StringWriter firstOut = new StringWriter();
        int firstExit = emailsSend(firstOut);

        assertThat(firstExit).isEqualTo(1);
        assertThat(firstOut.toString().strip())
                .isEqualTo("emails send: 0 sent, 1 failed, 1 pending (to smtp://127.0.0.1:" + PORT + ")");
        Map<String, Object> pending = jdbc.queryForMap("SELECT status, attempts, last_error FROM email_outbox");
        assertThat(pending).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1);
        assertThat((String) pending.get("LAST_ERROR")).isNotBlank().hasSizeLessThanOrEqualTo(1000);

        GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            StringWriter secondOut = new StringWriter();
            int secondExit = emailsSend(secondOut);
            int thirdExit = emailsSend(new StringWriter());

            assertThat(secondExit).isZero();
            assertThat(thirdExit).isZero();
            assertThat(secondOut.toString().strip())
                    .isEqualTo("emails send: 1 sent, 0 failed, 0 pending (to smtp://127.0.0.1:" + PORT + ")");
            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(jdbc.queryForMap("SELECT status, sent_at FROM email_outbox"))
                    .containsEntry("STATUS", "SENT").extractingByKey("SENT_AT").isNotNull();
        } finally {
            server.stop();
        }
    }

    private int emailsSend(StringWriter out) {
        return CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                "emails", "send");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
