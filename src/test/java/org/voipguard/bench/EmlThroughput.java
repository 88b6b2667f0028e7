package org.voipguard.bench;

import java.lang.management.ManagementFactory;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.VoipGuardApplication;
import org.voipguard.notification.OutboxDelivery;
import org.voipguard.notification.OutboxEmail;
import org.voipguard.notification.OutboxMessages;

/**
 * The {@code .eml} outbox alone: stores N pending emails of the benchmark's shape straight into
 * a fresh embedded database, then times building their MIME messages without writing them, and
 * delivering them all as {@code .eml} files ({@code OutboxDelivery.deliverPending()}).
 * Arguments: {@code EMAILS DIR}.
 */
public final class EmlThroughput {

    private static final String BODY = ("Your number +441234567890 made calls above its price limit.\n\n"
            + "  2026-11-03 10:15:02  to +2693123456  4.2000 per minute  rejected\n").repeat(8);

    private EmlThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int emails = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        try (ConfigurableApplicationContext context = new SpringApplication(VoipGuardApplication.class).run(
                "--spring.datasource.url=" + Benchmark.databaseUrl(dir), "--voipguard.outbox-dir=" + dir.resolve("outbox"),
                "--logging.level.org.voipguard=WARN", "--logging.level.org.springframework=WARN")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            store(jdbc, emails);
            OutboxMessages messages = context.getBean(OutboxMessages.class);
            long started = System.nanoTime();
            long cpu = userCpuNanos();
            for (int i = 1; i <= emails; i++) {
                messages.build(email(i)).writeTo(OutputStream.nullOutputStream());
            }
            report("MIME build and write to nowhere", emails, started, cpu);
            started = System.nanoTime();
            cpu = userCpuNanos();
            var report = context.getBean(OutboxDelivery.class).deliverPending();
            report("deliverPending to .eml (" + report.sent() + " sent)", emails, started, cpu);
        }
    }

    private static OutboxEmail email(int i) {
        return new OutboxEmail(i, "<" + i + ".bench@voipguard.invalid>", "RATE_LIMIT_EXCEEDED",
                BenchData.number(i % 100_000), null, List.of("customer" + i + "@example.com"),
                "VoIPGuard: calls above the price limit for " + BenchData.number(i % 100_000), BODY, 0, null);
    }

    private static void store(JdbcTemplate jdbc, int emails) {
        Timestamp now = Timestamp.from(Instant.now());
        for (int from = 1; from <= emails; from += 10_000) {
            List<Object[]> rows = new ArrayList<>();
            List<Object[]> bodies = new ArrayList<>();
            for (int i = from; i < Math.min(emails + 1, from + 10_000); i++) {
                OutboxEmail email = email(i);
                rows.add(new Object[] {i, email.messageId(), email.alertType(), email.number(),
                    String.join(", ", email.recipients()), email.subject(), now});
                bodies.add(new Object[] {i, BODY});
            }
            jdbc.batchUpdate("INSERT INTO email_outbox (id, message_id, alert_type, number, recipients, subject, status,"
                    + " attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)", rows);
            jdbc.batchUpdate("INSERT INTO email_body (email_id, body) VALUES (?, ?)", bodies);
        }
    }

    /** User CPU time of this thread: what the JVM's own work costs, without the kernel's time on the files. */
    private static long userCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadUserTime();
    }

    private static void report(String what, int records, long startedNanos, long startedCpuNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double cpuSeconds = (userCpuNanos() - startedCpuNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%-42s %,9d in %6.2f s = %,7.0f/s; user CPU %6.2f s = %,7.0f/cpu s%n", what,
                records, seconds, records / seconds, cpuSeconds, records / cpuSeconds);
    }
}
