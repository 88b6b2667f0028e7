package org.voipguard.notification;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.numbers.IpAccessList;

/**
 * Builds the MIME message of an outbox email, the same for {@code .eml} files and SMTP.
 * Every header value is checked before it is set: the Message-ID, alert type and number
 * must have their fixed forms, the severity is one of {@link org.voipguard.thresholds.Severity}, the subject must be free of control characters, and the
 * recipients must be plain addresses.
 */
@Component
public class OutboxMessages {

    public static final String ALERT_HEADER = "X-VoIPGuard-Alert";
    public static final String NUMBER_HEADER = "X-VoIPGuard-Number";
    public static final String ADDRESS_HEADER = "X-VoIPGuard-Address";
    /** WARNING or CRITICAL, for the alerts whose facts carry a severity (the call-pattern checks, ...). */
    public static final String SEVERITY_HEADER = "X-VoIPGuard-Severity";

    private static final Pattern ALERT_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]{1,300}");

    /**
     * Jakarta Mail looks its stream provider up with a {@link java.util.ServiceLoader} scan of
     * the class path every time a message is written, unless this system property names it: the
     * scan cost more than the rest of writing an {@code .eml} file.
     */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        nameTheStreamProvider();
    }

    private final Session session = Session.getInstance(new Properties());
    private final String from;

    public OutboxMessages(VoipGuardProperties properties) {
        this.from = properties.mail().from();
    }

    public MimeMessage build(OutboxEmail email) throws MessagingException {
        require(MessageIds.isWellFormed(email.messageId()), "Message-ID", email);
        require(email.alertType() != null && ALERT_TYPE.matcher(email.alertType()).matches(), "alert type", email);
        boolean aboutAddress = email.number() == null && email.address() != null;
        require(aboutAddress ? isCanonicalAddress(email.address())
                : email.number() != null && E164.matcher(email.number()).matches(), aboutAddress ? "address" : "number",
                email);
        require(email.subject() != null && PRINTABLE_ASCII.matcher(email.subject()).matches(), "subject", email);
        require(!email.recipients().isEmpty(), "recipients", email);

        MimeMessage message = new StoredIdMimeMessage(session, email.messageId());
        message.setFrom(fromAddress());
        message.setRecipients(RecipientType.TO, recipients(email));
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader(ALERT_HEADER, email.alertType());
        if (aboutAddress) {
            message.setHeader(ADDRESS_HEADER, email.address());
        } else {
            message.setHeader(NUMBER_HEADER, email.number());
        }
        if (email.severity() != null) {
            message.setHeader(SEVERITY_HEADER, email.severity().name());
        }
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setText(email.body(), StandardCharsets.UTF_8.name());
        message.saveChanges();
        return message;
    }

    private static boolean isCanonicalAddress(String address) {
        return IpAccessList.canonicalAddress(address).filter(address::equals).isPresent();
    }

    private static void nameTheStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS_STREAM_PROVIDER, false, OutboxMessages.class.getClassLoader());
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        } catch (ClassNotFoundException e) {
            // another mail implementation: Jakarta Mail finds it by its service loader
        }
    }

    private InternetAddress fromAddress() throws AddressException {
        InternetAddress address = new InternetAddress(from, true);
        address.validate();
        return address;
    }

    private static InternetAddress[] recipients(OutboxEmail email) throws AddressException {
        InternetAddress[] addresses = new InternetAddress[email.recipients().size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = new InternetAddress(email.recipients().get(i), true);
            addresses[i].validate();
        }
        return addresses;
    }

    private static void require(boolean valid, String what, OutboxEmail email) throws MessagingException {
        if (!valid) {
            throw new MessagingException("outbox email " + email.id() + " has an invalid " + what);
        }
    }

    /** Keeps the Message-ID derived from the alerts instead of the random one Jakarta Mail makes. */
    private static final class StoredIdMimeMessage extends MimeMessage {

        private final String messageId;

        StoredIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
