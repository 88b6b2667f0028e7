package org.voipguard.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.notification.DeliveryReport;
import org.voipguard.notification.EmailComposer;
import org.voipguard.notification.OutboxDelivery;
import org.voipguard.notification.OutboxMessages;
import org.voipguard.notification.SmtpTransport;


/**
 * The email phases of the benchmark, on the alerts the imports stored: a bare write of as many
 * small files as there are alerts to compose (the baseline: what writing {@code .eml} files alone
 * costs), composing the emails, delivering them as {@code .eml} files, and delivering them again
 * to an SMTP server in this JVM.
 */
final class EmailPhases {

    private static final byte[] BARE_MESSAGE = ("Message-ID: <bare@bench.invalid>\r\nSubject: bench\r\n\r\n"
            + "x".repeat(900) + "\r\n").getBytes(StandardCharsets.US_ASCII);

    private EmailPhases() {
    }

    /** Writes one ~1 KB file per uncomposed alert, each under a temporary name then moved into place. */
    static long bareWrite(JdbcTemplate jdbc, Path directory) {
        long files = count(jdbc, "SELECT COUNT(*) FROM alert a"
                + " WHERE NOT EXISTS (SELECT 1 FROM alert_email c WHERE c.alert_id = a.id)");
        try {
            Files.createDirectories(directory);
            for (long i = 0; i < files; i++) {
                Path temporary = directory.resolve(".writing-" + i + ".tmp");
                try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    out.write(BARE_MESSAGE);
                }
                Files.move(temporary, directory.resolve("bare-" + i + ".eml"), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static long compose(ConfigurableApplicationContext context) {
        return context.getBean(EmailComposer.class).composePending().emails();
    }

    /** Delivers the pending emails with the application's transport ({@code .eml} files in the benchmark). */
    static long deliver(ConfigurableApplicationContext context) {
        DeliveryReport report = context.getBean(OutboxDelivery.class).deliverPending();
        return report.failed() == 0 && report.stillPending() == 0 ? report.sent() : -1;
    }

    /** Marks every email sent pending again, for the SMTP phase (not timed: it is the benchmark's doing). */
    static void markSentPendingAgain(JdbcTemplate jdbc) {
        jdbc.update("UPDATE email_outbox SET status = 'PENDING', sent_at = NULL WHERE status = 'SENT'");
    }

    /**
     * Sends every pending email to an SMTP server started for the phase in this JVM, which accepts
     * them all and keeps none ({@link SmtpSink}), over {@code voipguard.mail.connections} connections.
     */
    static long deliverOverSmtp(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        try (SmtpSink server = new SmtpSink()) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(server.port());
            OutboxDelivery delivery = new OutboxDelivery(jdbc, context.getBean(OutboxMessages.class),
                    new SmtpTransport(sender, "127.0.0.1", server.port(),
                            context.getBean(VoipGuardProperties.class).mail().connections()));
            DeliveryReport report = delivery.deliverPending();
            boolean allArrived = report.failed() == 0 && report.stillPending() == 0 && server.accepted() == report.sent();
            return allArrived ? report.sent() : -1;
        }
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}
