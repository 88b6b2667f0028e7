package org.voipguard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.REGISTRATION_HEADER;
import static org.voipguard.support.ImportFixtures.csv;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.imports.FileImportResult;
import org.voipguard.imports.ImportJobParameters;
import org.voipguard.imports.ImportedFiles;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

@AlsoOnPostgreSql
@SpringBootTest(properties = {"voipguard.chunk-size=2", "voipguard.max-rejected-share=0.5"})
@SpringBatchTest
class RegistrationImportJobTest {

    private static final String OPEN = "+441632960001";
    private static final String LOCKED = "+441632960002";
    private static final String AGENTS_ONLY = "+441632960003";
    private static final String SILENT = "+441632960004";

    @Autowired
    private JobOperatorTestUtils jobs;
    @Autowired
    @Qualifier("registrationImportJob")
    private Job registrationImportJob;
    @Autowired
    private RegistrationImporter importer;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    @BeforeEach
    void givenNumbers() {
        jobs.setJob(registrationImportJob);
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, OPEN, "open@example.com", null);
        givenNumber(jdbc, LOCKED, "locked@example.com", null, "192.0.2.0/29, 2001:DB8::/48", null);
        givenNumber(jdbc, AGENTS_ONLY, "agents@example.com", null, null, "NEW_AGENT");
        givenNumber(jdbc, SILENT, "silent@example.com", null, null, "NONE");
    }

    @Test
    void theFirstRegistrationIsNewOnBothCountsAndARefreshRaisesNothing() throws Exception {
        Path file = csv(dir, "reg.csv", REGISTRATION_HEADER,
                line("2026-11-02T10:00:00Z", OPEN, "198.51.100.20", "snom300/8.7.3.25", "OK", "3600"),
                line("2026-11-02T10:50:00Z", OPEN, "198.51.100.20", "snom300/8.7.3.25", "OK", "3600"));

        var execution = jobs.startJob(parameters(file, "csv"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(alerts()).containsExactly("NEW_IP_AND_USER_AGENT " + OPEN + " by New address and new User-Agent");
        assertThat(phones(OPEN)).containsExactly("198.51.100.20 5060 UDP snom300/8.7.3.25");
    }

    @Test
    void underNewIpOrAgentANewAddressAndANewAgentAreEachReported() {
        importer.importFile(csv(dir, "reg.csv", REGISTRATION_HEADER,
                line("2026-11-02T10:00:00Z", OPEN, "198.51.100.20", "snom300/8.7.3.25", "OK", "3600"),
                line("2026-11-02T11:00:00Z", OPEN, "198.51.100.77", "snom300/8.7.3.25", "OK", "3600"),
                line("2026-11-02T12:00:00Z", OPEN, "198.51.100.20", "Linphone/5.2.0", "OK", "3600")),
                LogFormat.CSV);

        assertThat(alertTypes(OPEN)).containsExactly("NEW_IP_AND_USER_AGENT", "NEW_IP", "NEW_USER_AGENT");
    }

    @Test
    void eventsOfANumberAreEvaluatedInTimeOrderWhateverTheFileOrder() {
        importer.importFile(csv(dir, "reg.csv", REGISTRATION_HEADER,
                line("2026-11-02T12:00:00Z", OPEN, "198.51.100.77", "snom300/8.7.3.25", "OK", "3600"),
                line("2026-11-02T10:00:00Z", OPEN, "198.51.100.20", "snom300/8.7.3.25", "OK", "3600")),
                LogFormat.CSV);

        assertThat(jdbc.queryForList("SELECT alert_type || ' ' || facts FROM alert ORDER BY id", String.class))
                .satisfiesExactly(
                        first -> assertThat(first).startsWith("NEW_IP_AND_USER_AGENT").contains("198.51.100.20"),
                        second -> assertThat(second).startsWith("NEW_IP ").contains("198.51.100.77"));
    }

    @Test
    void underNewAgentTheAddressChangesFreelyButANewAgentIsReported() {
        importer.importFile(csv(dir, "reg.csv", REGISTRATION_HEADER,
                line("2026-11-02T10:00:00Z", AGENTS_ONLY, "198.51.100.20", "snom300/8.7.3.25", "OK", "3600"),
                line("2026-11-02T11:00:00Z", AGENTS_ONLY, "203.0.113.5", "snom300/8.7.3.25", "OK", "3600"),
                line("2026-11-02T12:00:00Z", AGENTS_ONLY, "203.0.113.5", "Yealink SIP-T46U 108.86", "OK", "3600")),
                LogFormat.CSV);

        assertThat(alertTypes(AGENTS_ONLY)).containsExactly("NEW_USER_AGENT", "NEW_USER_AGENT");
    }

    @Test
    void underNoneNothingIsReportedButPhonesAreTracked() {
        importer.importFile(csv(dir, "reg.csv", REGISTRATION_HEADER,
                line("2026-11-02T10:00:00Z", SILENT, "198.51.100.20", "snom300/8.7.3.25", "OK", "3600")),
                LogFormat.CSV);

        assertThat(alertTypes(SILENT)).isEmpty();
        assertThat(phones(SILENT)).hasSize(1);
        assertThat(jdbc.queryForList("SELECT source_ip FROM known_ip WHERE number = ?", String.class, SILENT))
                .containsExactly("198.51.100.20");
    }

    @Test
    void aCorrectPasswordFromOutsideTheAccessListIsBlockedAndWarnedOncePer24Hours() {
        importer.importFile(csv(dir, "reg.csv", REGISTRATION_HEADER,
                line("2026-11-02T02:13:00Z", LOCKED, "203.0.113.66", "friendly-scanner", "BAD_PASSWORD", "3600"),
                line("2026-11-02T02:14:00Z", LOCKED, "203.0.113.66", "friendly-scanner", "OK", "3600"),
                line("2026-11-02T02:25:00Z", LOCKED, "203.0.113.66", "friendly-scanner", "OK", "3600"),
                line("2026-11-03T02:13:59Z", LOCKED, "203.0.113.66", "friendly-scanner", "OK", "3600"),
                line("2026-11-03T02:14:00Z", LOCKED, "203.0.113.66", "friendly-scanner", "OK", "3600"),
                line("2026-11-03T03:00:00Z", LOCKED, "203.0.113.67", "friendly-scanner", "OK", "3600")),
                LogFormat.CSV);

        assertThat(jdbc.queryForList("SELECT facts FROM alert WHERE alert_type = 'LOCKDOWN_BLOCKED' ORDER BY id", String.class))
                .satisfiesExactly(
                        first -> assertThat(first).contains("2026-11-02T02:14:00Z", "203.0.113.66"),
                        second -> assertThat(second).contains("2026-11-03T02:14:00Z", "203.0.113.66"),
                        third -> assertThat(third).contains("203.0.113.67"));
        assertThat(phones(LOCKED)).isEmpty();
        assertThat(jdbc.queryForList("SELECT o.outcome FROM registration_event e JOIN registration_outcome o"
                + " ON o.event_id = e.id WHERE e.number = ? ORDER BY e.event_time", String.class, LOCKED)).containsExactly("BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED");
    }

    @Test
    void aWrongPasswordFromOutsideTheAccessListRaisesNothing() {
        importer.importFile(csv(dir, "reg.csv", REGISTRATION_HEADER,
                line("2026-11-02T02:13:00Z", LOCKED, "203.0.113.66", "sipvicious", "BAD_PASSWORD", "3600"),
                line("2026-11-02T02:14:00Z", LOCKED, "203.0.113.66", "sipvicious", "UNKNOWN_USER", "3600")),
                LogFormat.CSV);

        assertThat(alertTypes(LOCKED)).isEmpty();
    }

    @Test
    void ipv6InAnyCaseOrCompressionAndIpv4MappedAddressesMatchTheAccessList() {
        importer.importFile(csv(dir, "reg.csv", REGISTRATION_HEADER,
                line("2026-11-02T10:00:00Z", LOCKED, "2001:DB8::5", "FireBrick/1.30.004", "OK", "3600"),
                line("2026-11-02T10:10:00Z", LOCKED, "2001:db8:0:0::5", "FireBrick/1.30.004", "OK", "3600"),
                line("2026-11-02T10:20:00Z", LOCKED, "::ffff:192.0.2.3", "FireBrick/1.30.004", "OK", "3600")),
                LogFormat.CSV);

        assertThat(alertTypes(LOCKED)).containsExactly("NEW_IP_AND_USER_AGENT", "NEW_IP");
        assertThat(jdbc.queryForList("SELECT source_ip FROM known_ip WHERE number = ? ORDER BY source_ip", String.class, LOCKED))
                .containsExactly("192.0.2.3", "2001:db8::5");
    }

    @Test
    void anExpiryOfZeroRemovesThePhone() {
        importer.importFile(csv(dir, "reg.csv", REGISTRATION_HEADER,
                line("2026-11-02T10:00:00Z", OPEN, "198.51.100.20", "snom300/8.7.3.25", "OK", "3600"),
                line("2026-11-02T10:00:00Z", OPEN, "198.51.100.21", "snom300/8.7.3.25", "OK", "3600"),
                line("2026-11-02T10:30:00Z", OPEN, "198.51.100.20", "snom300/8.7.3.25", "OK", "0")),
                LogFormat.CSV);

        assertThat(phones(OPEN)).containsExactly("198.51.100.21 5060 UDP snom300/8.7.3.25");
    }

    @Test
    void theSameLogImportedTwiceCountsOnceAndBadLinesAreRejected() {
        Path file = csv(dir, "reg.csv", REGISTRATION_HEADER,
                line("2026-11-02T10:00:00Z", OPEN, "198.51.100.20", "snom300/8.7.3.25", "OK", "3600"),
                line("2026-11-02T10:05:00Z", OPEN, "not-an-ip", "snom300/8.7.3.25", "OK", "3600"));

        FileImportResult first = importer.importFile(file, LogFormat.CSV);
        FileImportResult again = importer.importFile(file, LogFormat.CSV);

        assertThat(first.imported()).isEqualTo(1);
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(again.status()).isEqualTo(FileImportResult.Status.ALREADY_IMPORTED);
        assertThat(alertTypes(OPEN)).containsExactly("NEW_IP_AND_USER_AGENT");
        assertThat(jdbc.queryForList("SELECT field FROM rejected_line", String.class)).containsExactly("source_ip");
    }

    @Test
    void asteriskSecurityLogsRaiseNewIpButNeverANewUserAgent() throws Exception {
        Path log = dir.resolve("security.log");
        Files.writeString(log, String.join("\n",
                asterisk("SuccessfulAuth", "2026-11-02T10:00:00.000+0000", OPEN, "198.51.100.20"),
                asterisk("ChallengeSent", "2026-11-02T10:00:01.000+0000", OPEN, "198.51.100.20"),
                asterisk("SuccessfulAuth", "2026-11-02T11:00:00.000+0000", OPEN, "198.51.100.99"),
                asterisk("InvalidPassword", "2026-11-02T11:05:00.000+0000", LOCKED, "203.0.113.9")) + "\n");

        FileImportResult result = importer.importFile(log, LogFormat.ASTERISK_SECURITY);

        assertThat(result.status()).isEqualTo(FileImportResult.Status.IMPORTED);
        assertThat(result.imported()).isEqualTo(3);
        assertThat(alertTypes(OPEN)).containsExactly("NEW_IP", "NEW_IP");
        assertThat(alertTypes(LOCKED)).isEmpty();
        assertThat(phones(OPEN)).isEmpty();
    }

    private static String line(String time, String number, String ip, String agent, String auth, String expires) {
        return String.join(",", time, number, ip, "5060", "UDP", "\"" + agent.replace("\"", "\"\"") + "\"", auth, expires);
    }

    private static String asterisk(String event, String time, String account, String ip) {
        return "[2026-11-02 10:00:00] SECURITY[2130] res_security_log.c: SecurityEvent=\"" + event + "\",EventTV=\"" + time
                + "\",Severity=\"Informational\",Service=\"PJSIP\",EventVersion=\"1\",AccountID=\"" + account
                + "\",SessionID=\"s1\",LocalAddress=\"IPV4/UDP/192.0.2.1/5060\",RemoteAddress=\"IPV4/UDP/" + ip + "/5060\"";
    }

    private org.springframework.batch.core.job.parameters.JobParameters parameters(Path file, String format) {
        return new JobParametersBuilder()
                .addString(ImportJobParameters.FILE, file.toAbsolutePath().toString())
                .addString(ImportJobParameters.SHA256, ImportedFiles.sha256(file))
                .addString(ImportJobParameters.FORMAT, format)
                .toJobParameters();
    }

    private List<String> alerts() {
        return jdbc.queryForList("SELECT alert_type || ' ' || number || ' by ' || rule_name FROM alert ORDER BY id", String.class);
    }

    private List<String> alertTypes(String number) {
        return jdbc.queryForList("SELECT alert_type FROM alert WHERE number = ? ORDER BY id", String.class, number);
    }

    private List<String> phones(String number) {
        return jdbc.queryForList("SELECT source_ip || ' ' || source_port || ' ' || transport || ' ' || user_agent "
                + "FROM registered_phone WHERE number = ? ORDER BY source_ip", String.class, number);
    }
}
