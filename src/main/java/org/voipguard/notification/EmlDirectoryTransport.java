package org.voipguard.notification;

import java.io.BufferedOutputStream;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final int STAMP_LENGTH = "yyyyMMdd-HHmmss".length();
    private static final String TEMPORARY_PREFIX = ".writing-";
    private static final int BUFFER_BYTES = 16 * 1024;

    private final Path directory;
    private final ZoneId zone;

    public EmlDirectoryTransport(Path directory, ZoneId zone) {
        this.directory = directory;
        this.zone = zone;
    }

    @Override
    public void send(OutboxEmail email, MimeMessage message) throws MailDeliveryException {
        write(email, message, STAMP.format(ZonedDateTime.now(zone)));
    }

    /** Writes the page's files one after the other, all named with the same time of writing. */
    @Override
    public List<SendResult> sendAll(List<Outgoing> page) {
        String stamp = STAMP.format(ZonedDateTime.now(zone));
        return MailTransport.eachInTurn(page, (email, message) -> write(email, message, stamp));
    }

    private void write(OutboxEmail email, MimeMessage message, String stamp) throws MailDeliveryException {
        Path target = directory.resolve(fileName(email, stamp));
        Path temporary = null;
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
            }
            temporary = directory.resolve(TEMPORARY_PREFIX + email.id() + "-" + UUID.randomUUID() + ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), BUFFER_BYTES)) {
                message.writeTo(out);
            }
            move(temporary, target);
        } catch (IOException | MessagingException e) {
            deleteQuietly(temporary);
            throw new MailDeliveryException("cannot write " + target + ": " + e.getMessage(), e,
                    e instanceof IOException);
        }
    }

    /**
     * The emails whose file is in the outbox directory: same id and type in the name, same
     * Message-ID inside. The directory is read once, whatever the number of emails; the
     * temporary files a dead run left half written are removed on the way.
     */
    @Override
    public Set<Long> deliveredAmong(List<OutboxEmail> interrupted) {
        Map<String, OutboxEmail> bySuffix = new HashMap<>();
        interrupted.forEach(email -> bySuffix.put(suffix(email), email));
        Set<Long> delivered = new HashSet<>();
        if (interrupted.isEmpty() || !Files.isDirectory(directory)) {
            return delivered;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> {
                String name = file.getFileName().toString();
                if (name.startsWith(TEMPORARY_PREFIX)) {
                    deleteQuietly(file);
                    return;
                }
                OutboxEmail email = bySuffix.get(suffixOf(name));
                if (email != null && email.messageId().equals(messageId(file))) {
                    delivered.add(email.id());
                }
            });
        } catch (IOException e) {
            // what could not be read counts as not delivered: the email is written again
        }
        return delivered;
    }

    /** {@code -<id>-<TYPE>.eml}: what ends the name of an email's file, whenever it was written. */
    private static String suffix(OutboxEmail email) {
        return "-" + email.id() + "-" + email.alertType() + ".eml";
    }

    /** The same suffix read back from a file name ({@code <yyyyMMdd>-<HHmmss>-<id>-<TYPE>.eml}), or "". */
    private static String suffixOf(String name) {
        if (!name.endsWith(".eml") || name.length() < STAMP_LENGTH + 1) {
            return "";
        }
        return name.substring(STAMP_LENGTH);
    }

    private static String messageId(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new InternetHeaders(in).getHeader("Message-ID", null);
        } catch (IOException | MessagingException e) {
            return null;
        }
    }

    private static String fileName(OutboxEmail email, String stamp) {
        return stamp + suffix(email);
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
