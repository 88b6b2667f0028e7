package org.voipguard.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

/**
 * Writes each message as {@code <outboxDir>/<yyyyMMdd-HHmmss>-<id>-<TYPE>.eml}, the default
 * when no SMTP server is configured. A file appears whole or not at all: it is written under
 * a temporary name in the same directory and then moved into place.
 */
public class EmlDirectoryTransport implements MailTransport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path directory;
    private final ZoneId zone;

    public EmlDirectoryTransport(Path directory, ZoneId zone) {
        this.directory = directory;
        this.zone = zone;
    }

    @Override
    public void send(OutboxEmail email, MimeMessage message) throws MailDeliveryException {
        Path target = directory.resolve(fileName(email));
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = directory.resolve(".writing-" + email.id() + "-" + UUID.randomUUID() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                message.writeTo(out);
            }
            move(temporary, target);
        } catch (IOException | MessagingException e) {
            deleteQuietly(temporary);
            throw new MailDeliveryException("cannot write " + target + ": " + e.getMessage(), e,
                    e instanceof IOException);
        }
    }

    /** True when the outbox directory holds this email's file: same id and type in the name, same Message-ID inside. */
    @Override
    public boolean delivered(OutboxEmail email) {
        String suffix = "-" + email.id() + "-" + email.alertType() + ".eml";
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                    .anyMatch(file -> email.messageId().equals(messageId(file)));
        } catch (IOException e) {
            return false;
        }
    }

    private static String messageId(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new InternetHeaders(in).getHeader("Message-ID", null);
        } catch (IOException | MessagingException e) {
            return null;
        }
    }

    String fileName(OutboxEmail email) {
        return STAMP.format(ZonedDateTime.now(zone)) + "-" + email.id() + "-" + email.alertType() + ".eml";
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The temporary name starts with a dot and never ends in .eml; nothing reads it.
        }
    }

    @Override
    public String where() {
        String shown = directory.normalize().toString();
        return shown.isEmpty() ? "./" : shown + directory.getFileSystem().getSeparator();
    }
}
