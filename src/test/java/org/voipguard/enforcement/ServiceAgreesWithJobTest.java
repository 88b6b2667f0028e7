package org.voipguard.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

/**
 * serve decides P1 as the import job does: for every outgoing call of the sample data the job
 * stored, the service says DENY exactly when the job raised RATE_LIMIT_EXCEEDED for it.
 */
@AlsoOnPostgreSql
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "voipguard.serve.refresh-interval=200ms"})
class ServiceAgreesWithJobTest {

    private static final Path SAMPLE = Paths.get("sample-data");

    @LocalServerPort
    private int port;
    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theServiceDeniesExactlyTheSampleCallsTheJobAlertedOn() throws Exception {
        // given the sample data imported by the batch commands
        TestDatabase.clear(jdbc);
        run("numbers", "import", SAMPLE.resolve("numbers.csv").toString());
        List<Path> cdrFiles = cdrFiles();
        List<String> importArgs = new ArrayList<>(List.of("cdrs", "import", "--no-email"));
        cdrFiles.forEach(f -> importArgs.add(f.toString()));
        run(importArgs.toArray(String[]::new));
        Set<String> alerted = new HashSet<>(jdbc.queryForList("SELECT alert_key FROM alert WHERE alert_type = "
                + "'RATE_LIMIT_EXCEEDED'", String.class));
        Set<String> stored = new HashSet<>(jdbc.queryForList("SELECT call_id FROM cdr WHERE direction = 'OUT'",
                String.class));
        ServeClient serve = new ServeClient(port);
        serve.awaitAnswer("/v1/registrations/authorize?number=441632960003&ip=192.0.2.1",
                a -> "DENY".equals(a.field("decision")), Duration.ofSeconds(5));

        // when the service is asked about each of those calls
        List<String> disagreements = new ArrayList<>();
        Set<String> asked = new HashSet<>();
        for (CSVRecord call : outgoingCalls(cdrFiles)) {
            if (!stored.contains(call.get("call_id")) || !asked.add(call.get("call_id"))) {
                continue; // rejected by the job, or a duplicate it counted once
            }
            ServeClient.Answer answer = serve.get(question(call));
            boolean jobDenied = alerted.contains("RATE_LIMIT_EXCEEDED:" + call.get("call_id"));
            if (answer.status() != 200 || !answer.field("decision").equals(jobDenied ? "DENY" : "ALLOW")) {
                disagreements.add(call.get("call_id") + ": job " + (jobDenied ? "DENY" : "ALLOW") + ", service "
                        + answer.body());
            }
        }

        // then they agree on every one, denials included
        assertThat(disagreements).isEmpty();
        assertThat(asked).hasSize(stored.size()).hasSizeGreaterThan(10);
        assertThat(alerted).isNotEmpty();
    }

    private static String question(CSVRecord call) {
        String query = "/v1/calls/authorize?number=" + encode(call.get("number")) + "&dialled="
                + encode(call.get("called")) + "&at=" + encode(call.get("start_time"));
        return call.get("rate_ppm").isEmpty() ? query : query + "&price=" + encode(call.get("rate_ppm"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<Path> cdrFiles() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLE.resolve("cdrs"))) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
    }

    private static List<CSVRecord> outgoingCalls(List<Path> files) throws IOException {
        List<CSVRecord> calls = new ArrayList<>();
        for (Path file : files) {
            try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8,
                    CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
                parser.forEach(record -> {
                    if ("OUT".equals(record.get("direction"))) {
                        calls.add(record);
                    }
                });
            }
        }
        return calls;
    }

    private void run(String... args) {
        StringWriter err = new StringWriter();
        int exitCode = CommandLineLauncher.execute(context, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), args);
        assertThat(exitCode).as(err.toString()).isZero();
    }
}
