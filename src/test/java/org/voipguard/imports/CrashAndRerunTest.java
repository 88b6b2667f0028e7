package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.internet.InternetHeaders;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.notification.AlertFacts;
import org.voipguard.support.ChildVoipGuard;
import org.voipguard.support.GeneratedInputs;
import org.voipguard.support.TestDatabase;

/**
 * A run killed with SIGKILL at several points and run again ends exactly like one run that was
 * never interrupted: same spend per number and month, same alerts, same emails, none twice.
 * The interrupted runs are real VoIPGuard processes on an H2 file database (in AUTO_SERVER
 * mode, so this test can watch their progress); the uninterrupted run is this test's own
 * context on its own database, running meanwhile.
 */
@SpringBootTest(properties = {"voipguard.outbox-dir=target/crash-test/reference-outbox",
        "voipguard.rejects-dir=target/crash-test/reference-rejects"})
class CrashAndRerunTest {

    private static final int CDR_LINES = 200_000;
    private static final int REGISTRATION_LINES = 100_000;
    private static final Path REFERENCE_OUTBOX = Path.of("target/crash-test/reference-outbox");
    private static final int EMAILS_TO_DELIVER = 10_000;
    private static final String BUSY = "another VoIPGuard run is using the database";

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate reference;

    @TempDir
    Path home;

    private String databaseUrl;

    @BeforeEach
    void givenTheSameNumbersInBothDatabases() throws IOException {
        TestDatabase.clear(reference);
        FileSystemUtils.deleteRecursively(REFERENCE_OUTBOX);
        run("numbers", "import", GeneratedInputs.numbers(home.resolve("numbers.csv")).toString());
        databaseUrl = "jdbc:h2:file:" + home.resolve("db/voipguard").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        Flyway.configure().dataSource(databaseUrl, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/vendor/h2").load().migrate();
        inChildDatabase(this::copyNumberSettings);
    }

    @Test
    void aCdrImportKilledAtSeveralPointsEndsLikeOneUninterruptedRun() throws Exception {
        cdrImportKilledAtSeveralPointsEndsLikeOneUninterruptedRun();
    }

    /** The uninterrupted run imports in one part; the killed ones in two, side by side. */
    @Test
    void aCdrImportInTwoPartsKilledAtSeveralPointsEndsLikeOneUninterruptedRunInOnePart() throws Exception {
        cdrImportKilledAtSeveralPointsEndsLikeOneUninterruptedRun("--voipguard.import-parts=2");
    }

    private void cdrImportKilledAtSeveralPointsEndsLikeOneUninterruptedRun(String... settings) throws Exception {
        Path cdrs = GeneratedInputs.cdrs(home.resolve("cdrs.csv"), CDR_LINES);
        String[] killedImport = withSettings(settings, "cdrs", "import", cdrs.toString());
        CompletableFuture<Integer> uninterrupted = CompletableFuture.supplyAsync(() -> run("cdrs", "import", cdrs.toString()));

        ChildVoipGuard first = ChildVoipGuard.start(home, databaseUrl, killedImport);
        waitUntil(first, "SELECT COUNT(*) FROM cdr", 1);
        ChildVoipGuard second = ChildVoipGuard.start(home, databaseUrl, killedImport);
        int secondExit = second.waitFor();
        assertThat(secondExit).as(second.output()).isEqualTo(1);
        assertThat(second.stderr()).contains("voipguard: cdrs import: " + BUSY);

        List<String> kills = new ArrayList<>();
        killWhen(() -> first, "SELECT COUNT(*) FROM cdr", 48_000, kills);
        killWhen(() -> ChildVoipGuard.start(home, databaseUrl, killedImport),
                "SELECT COUNT(*) FROM cdr", 140_000, kills);
        killWhen(() -> ChildVoipGuard.start(home, databaseUrl, killedImport),
                "SELECT COUNT(*) FROM email_outbox WHERE status <> 'PENDING'", 1, kills);
        runToTheEnd(() -> ChildVoipGuard.start(home, databaseUrl, killedImport));

        assertThat(uninterrupted.get()).isZero();
        assertThat(kills).as("runs killed while still importing").hasSizeGreaterThanOrEqualTo(2);
        Map<String, List<String>> expected = snapshot(reference, CDR_TABLES);
        Map<String, List<String>> actual = withChildDatabase(child -> snapshot(child, CDR_TABLES));
        assertThat(expected.get("calls")).containsExactly((CDR_LINES - CDR_LINES / 5000) + " calls");
        assertThat(expected.get("alerts")).hasSizeGreaterThan(100);
        assertThat(actual).isEqualTo(expected);
        assertSameEmailsOnce();
    }

    @Test
    void aRegistrationImportKilledAtSeveralPointsEndsLikeOneUninterruptedRun() throws Exception {
        registrationImportKilledAtSeveralPointsEndsLikeOneUninterruptedRun();
    }

    /** The uninterrupted run evaluates in one part; the killed ones in two, side by side. */
    @Test
    void aRegistrationImportInTwoPartsKilledAtSeveralPointsEndsLikeOneUninterruptedRunInOnePart() throws Exception {
        registrationImportKilledAtSeveralPointsEndsLikeOneUninterruptedRun("--voipguard.import-parts=2");
    }

    private void registrationImportKilledAtSeveralPointsEndsLikeOneUninterruptedRun(String... settings)
            throws Exception {
        Path log = GeneratedInputs.registrations(home.resolve("registrations.csv"), REGISTRATION_LINES);
        String[] killedImport = withSettings(settings, "registrations", "import", log.toString());
        CompletableFuture<Integer> uninterrupted = CompletableFuture.supplyAsync(
                () -> run("registrations", "import", log.toString()));

        // A registration run is quick once started: each kill comes at the first progress seen
        // in its phase, so that a quiet machine does not finish a phase between two looks.
        List<String> kills = new ArrayList<>();
        killWhen(() -> ChildVoipGuard.start(home, databaseUrl, killedImport),
                "SELECT COUNT(*) FROM registration_event", 1_000, kills);
        killWhen(() -> ChildVoipGuard.start(home, databaseUrl, killedImport),
                "SELECT COUNT(*) FROM registration_outcome", 1, kills);
        killWhen(() -> ChildVoipGuard.start(home, databaseUrl, killedImport),
                "SELECT COUNT(*) FROM email_outbox WHERE status <> 'PENDING'", 1, kills);
        runToTheEnd(() -> ChildVoipGuard.start(home, databaseUrl, killedImport));

        assertThat(uninterrupted.get()).isZero();
        assertThat(kills).as("runs killed while still importing").hasSizeGreaterThanOrEqualTo(2);
        Map<String, List<String>> expected = snapshot(reference, REGISTRATION_TABLES);
        Map<String, List<String>> actual = withChildDatabase(child -> snapshot(child, REGISTRATION_TABLES));
        assertThat(expected.get("events")).hasSize(REGISTRATION_LINES);
        assertThat(expected.get("alerts")).hasSizeGreaterThan(100);
        assertThat(actual).isEqualTo(expected);
        assertSameEmailsOnce();
    }

    /**
     * The first run is killed once composing shows in the database; the next two at the first
     * email each writes, watched in the outbox folder. Watched through the database, a run this
     * short often answered the first look only near its end, and once had written every email
     * before it; the folder shows each email as it is written. If even so fewer than two runs were
     * caught alive, another 10,000 emails are delivered the same way, and the checks cover them all.
     */
    @Test
    void deliveryOfTenThousandEmailsKilledWhileComposingAndWritingWritesEveryEmailOnce() throws Exception {
        Path outbox = home.resolve("outbox");
        Supplier<ChildVoipGuard> send = () -> ChildVoipGuard.start(home, databaseUrl, "emails", "send");
        List<String> kills = new ArrayList<>();
        int emails = 0;
        for (int round = 0; round < 3 && kills.size() < 2; round++) {
            int first = emails;
            inChildDatabase(child -> storeUncomposedAlerts(child, first, EMAILS_TO_DELIVER));
            emails += EMAILS_TO_DELIVER;
            killWhen(send, "SELECT COUNT(*) FROM alert_email", first + 1, kills);
            killWhenWritten(send, outbox, emailFiles(outbox) + 1, kills);
            killWhenWritten(send, outbox, emailFiles(outbox) + 1, kills);
            runToTheEnd(send);
        }

        assertThat(kills).as("runs killed while composing or delivering: " + kills).hasSizeGreaterThanOrEqualTo(2);
        List<String> stored = withChildDatabase(child -> child.queryForList("SELECT message_id FROM email_outbox",
                String.class));
        List<String> statuses = withChildDatabase(child -> child.queryForList(
                "SELECT DISTINCT status FROM email_outbox", String.class));
        List<String> written = messageIds(outbox);
        assertThat(stored).hasSize(emails).doesNotHaveDuplicates();
        assertThat(statuses).containsExactly("SENT");
        assertThat(written).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored);
    }

    private static long emailFiles(Path outbox) {
        if (!Files.isDirectory(outbox)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(file -> file.toString().endsWith(".eml")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One alert per email: a new User-Agent for one of the numbers, each with its own key. */
    private static void storeUncomposedAlerts(JdbcTemplate child, int first, int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String number = GeneratedInputs.number(i);
            String facts = AlertFacts.encode(Map.of("time", "2026-10-02T09:30:00Z", "source_ip", "198.51.100.7",
                    "user_agent", "Zoiper rv2." + i));
            rows.add(new Object[] {"NEW_USER_AGENT:" + number + ":" + i, number, facts});
        }
        child.batchUpdate("INSERT INTO alert (alert_key, alert_type, number, rule_name, ruleset_version, facts,"
                + " created_at) VALUES (?, 'NEW_USER_AGENT', ?, 'P4 new User-Agent', 'crash-test', ?,"
                + " CURRENT_TIMESTAMP)", rows);
    }

    @Test
    void aSecondProcessOnAnEmbeddedDatabaseIsToldThatAnotherRunIsUsingIt() throws Exception {
        String embedded = "jdbc:h2:file:" + home.resolve("db/embedded").toAbsolutePath();
        try (Connection firstRun = DriverManager.getConnection(embedded, "sa", "")) {
            ChildVoipGuard second = ChildVoipGuard.start(home, embedded, "emails", "send");

            assertThat(second.waitFor()).as(second.output()).isEqualTo(1);
            assertThat(second.stderr()).contains("voipguard: " + BUSY);
        }
    }

    private static final String EMAILS = "SELECT e.message_id, e.alert_type, e.number, e.recipients, e.subject,"
            + " b.body, e.status FROM email_outbox e JOIN email_body b ON b.email_id = e.id";

    private static final Map<String, String> CDR_TABLES = tables(
            "spend", "SELECT number, billing_month, spend_gbp, late_charges_gbp, warned_multiple FROM monthly_spend",
            "calls", "SELECT COUNT(*) || ' calls' FROM cdr",
            "cost", "SELECT SUM(cost_gbp) FROM cdr",
            "rejected", "SELECT line_number, field, reason FROM rejected_line",
            "alerts", "SELECT alert_key, alert_type, number, facts FROM alert",
            "emails", EMAILS,
            "files", "SELECT kind, sha256 FROM imported_file");

    private static final Map<String, String> REGISTRATION_TABLES = tables(
            "events", "SELECT e.event_key, o.outcome FROM registration_event e"
                    + " LEFT JOIN registration_outcome o ON o.event_id = e.id",
            "known ips", "SELECT number, source_ip FROM known_ip",
            "known agents", "SELECT number, agent_hash FROM known_user_agent",
            "phones", "SELECT number, source_ip, source_port, transport, user_agent, registered_at, expires_at "
                    + "FROM registered_phone",
            "lockdown notices", "SELECT number, source_ip, last_alert_at FROM lockdown_notice",
            "abuse windows", "SELECT check_name, subject, recent, quiet_until FROM abuse_window",
            "rejected", "SELECT line_number, field, reason FROM rejected_line",
            "alerts", "SELECT alert_key, alert_type, number, facts FROM alert",
            "emails", EMAILS,
            "files", "SELECT kind, sha256 FROM imported_file");

    /**
     * Kills the run once the query reaches at least {@code threshold}, if it is still running then.
     * A run that could not even open the database because the process killed just before still
     * held its lock for a moment is started again: that race is H2's, not the import's.
     */
    private void killWhen(Supplier<ChildVoipGuard> start, String progressQuery, long threshold, List<String> kills) {
        killWhenReached(start, progressQuery, run -> waitUntil(run, progressQuery, threshold), kills);
    }

    /** Kills the run once the outbox holds at least {@code threshold} emails, if it is still running then. */
    private void killWhenWritten(Supplier<ChildVoipGuard> start, Path outbox, long threshold, List<String> kills) {
        killWhenReached(start, "emails written", run -> waitUntilWritten(run, outbox, threshold), kills);
    }

    /** Starts the run, waits for its progress, and kills it if it is still running then (see {@link #killWhen}). */
    private void killWhenReached(Supplier<ChildVoipGuard> start, String progress,
            ToLongFunction<ChildVoipGuard> waitForProgress, List<String> kills) {
        for (int attempt = 1; ; attempt++) {
            ChildVoipGuard run = start.get();
            long reached = waitForProgress.applyAsLong(run);
            if (run.isAlive()) {
                run.kill();
                kills.add(progress + " = " + reached);
                return;
            }
            if (!lockedByTheRunJustKilled(run, attempt)) {
                assertThat(run.waitFor()).as(run.output()).isZero();
                return;
            }
        }
    }

    /** Looks at the outbox every 5 ms until it holds {@code threshold} emails or the run ends; what it held last. */
    private static long waitUntilWritten(ChildVoipGuard run, Path outbox, long threshold) {
        long written = emailFiles(outbox);
        while (run.isAlive() && written < threshold) {
            sleep(5);
            written = emailFiles(outbox);
        }
        return written;
    }

    private void runToTheEnd(Supplier<ChildVoipGuard> start) {
        for (int attempt = 1; ; attempt++) {
            ChildVoipGuard run = start.get();
            run.waitFor();
            if (!lockedByTheRunJustKilled(run, attempt)) {
                assertThat(run.waitFor()).as(run.output()).isZero();
                return;
            }
        }
    }

    private static boolean lockedByTheRunJustKilled(ChildVoipGuard run, int attempt) {
        boolean locked = run.waitFor() != 0 && run.stderr().contains(BUSY) && attempt < 3;
        if (locked) {
            sleep(1000);
        }
        return locked;
    }

    /**
     * Polls the running child's database until the query reaches the threshold or the child ends,
     * every 20 ms over one connection, opened again only when the child refused it: on a quiet
     * machine a phase of a registration import can end sooner than a few new connections take.
     */
    private long waitUntil(ChildVoipGuard run, String progressQuery, long threshold) {
        Path lockFile = home.resolve("db/voipguard.lock.db");
        long deadline = System.nanoTime() + 240_000_000_000L;
        Connection connection = null;
        try {
            while (run.isAlive() && System.nanoTime() < deadline) {
                if (Files.exists(lockFile)) {
                    try {
                        if (connection == null) {
                            connection = DriverManager.getConnection(databaseUrl, "sa", "");
                        }
                        long value = progress(connection, progressQuery);
                        if (value >= threshold) {
                            return value;
                        }
                    } catch (SQLException e) {
                        // the child is starting, or its tables are busy: look again
                        connection = closed(connection);
                    }
                }
                sleep(20);
            }
            return -1;
        } finally {
            closed(connection);
        }
    }

    private static String[] withSettings(String[] settings, String... command) {
        return Stream.concat(Stream.of(command), Stream.of(settings)).toArray(String[]::new);
    }

    private static long progress(Connection connection, String progressQuery) throws SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery(progressQuery)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection closed(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the child is gone with its server
            }
        }
        return null;
    }

    private void assertSameEmailsOnce() throws IOException {
        List<String> expected = messageIds(REFERENCE_OUTBOX);
        List<String> actual = messageIds(home.resolve("outbox"));
        assertThat(expected).isNotEmpty().doesNotHaveDuplicates();
        assertThat(actual).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> messageIds(Path outbox) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(file -> file.toString().endsWith(".eml")).map(CrashAndRerunTest::messageId).toList();
        }
    }

    private static String messageId(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            return new InternetHeaders(in).getHeader("Message-ID", null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + eml, e);
        }
    }

    private static Map<String, List<String>> snapshot(JdbcTemplate jdbc, Map<String, String> queries) {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        queries.forEach((name, sql) -> snapshot.put(name, jdbc.query(sql, (rs, row) -> {
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object value = rs.getObject(i);
                cells.add(value instanceof BigDecimal amount ? amount.stripTrailingZeros().toPlainString()
                        : String.valueOf(value));
            }
            return String.join(" | ", cells);
        }).stream().sorted().collect(Collectors.toList())));
        return snapshot;
    }

    private static Map<String, String> tables(String... namesAndQueries) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndQueries.length; i += 2) {
            tables.put(namesAndQueries[i], namesAndQueries[i + 1]);
        }
        return tables;
    }

    private void copyNumberSettings(JdbcTemplate child) {
        reference.query("SELECT * FROM number_settings", rs -> {
            int columns = rs.getMetaData().getColumnCount();
            List<String> names = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                names.add(rs.getMetaData().getColumnName(i));
                values.add(rs.getObject(i));
            }
            child.update("INSERT INTO number_settings (" + String.join(", ", names) + ") VALUES ("
                    + names.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")", values.toArray());
        });
    }

    /** Opens the interrupted runs' database from this test, while no child runs, and closes it again. */
    private <T> T withChildDatabase(java.util.function.Function<JdbcTemplate, T> work) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(databaseUrl, "sa", "", true);
        try {
            return work.apply(new JdbcTemplate(dataSource));
        } finally {
            dataSource.destroy();
        }
    }

    private void inChildDatabase(java.util.function.Consumer<JdbcTemplate> work) {
        withChildDatabase(jdbc -> {
            work.accept(jdbc);
            return null;
        });
    }

    private int run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CommandLineLauncher.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited " + exit + ": " + out + err);
        }
        return exit;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
