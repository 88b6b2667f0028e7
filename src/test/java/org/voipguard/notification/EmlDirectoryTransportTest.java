package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page of {@code .eml} files written by several writers at once. */
class EmlDirectoryTransportTest {

    @TempDir
    private Path temporary;

    @Test
    void everyEmailOfAPageIsWrittenOnceWhateverTheWriters() throws Exception {
        Path outbox = temporary.resolve("outbox");
        List<MailTransport.Outgoing> page = page(7);

        List<MailTransport.SendResult> results = new EmlDirectoryTransport(outbox, ZoneOffset.UTC, 3).sendAll(page);

        assertThat(results).hasSize(7).allMatch(MailTransport.SendResult::isSent);
        assertThat(results).extracting(result -> result.email().id()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L,
                7L);
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(file -> file.getFileName().toString().replaceFirst("^\\d{8}-\\d{6}", "")))
                    .containsExactlyInAnyOrder("-1-BILL_WARNING.eml", "-2-BILL_WARNING.eml", "-3-BILL_WARNING.eml",
                            "-4-BILL_WARNING.eml", "-5-BILL_WARNING.eml", "-6-BILL_WARNING.eml", "-7-BILL_WARNING.eml");
        }
    }

    @Test
    void anOutboxThatCannotBeMadeStopsThePageAtItsFirstEmail() throws Exception {
        Path outbox = Files.writeString(temporary.resolve("a-file-not-a-directory"), "");

        List<MailTransport.SendResult> results = new EmlDirectoryTransport(outbox, ZoneOffset.UTC, 3).sendAll(page(5));

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.email().id()).isEqualTo(1L);
            assertThat(result.failure().transportDown()).isTrue();
            assertThat(result.failure().getMessage()).startsWith("cannot create the outbox directory " + outbox);
        });
    }

    private static List<MailTransport.Outgoing> page(int emails) throws Exception {
        Session session = Session.getInstance(new Properties());
        List<MailTransport.Outgoing> page = new ArrayList<>();
        for (int id : IntStream.rangeClosed(1, emails).toArray()) {
            OutboxEmail email = new OutboxEmail(id, "<" + id + "@voipguard.test>", "BILL_WARNING", "+441632960001", null,
                    List.of("alice@example.com"), "Bill warning", "body " + id, 0, null);
            MimeMessage message = new MimeMessage(session);
            message.setText(email.body());
            message.setHeader("Message-ID", email.messageId());
            page.add(new MailTransport.Outgoing(email, message));
        }
        return page;
    }
}
