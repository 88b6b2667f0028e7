package org.voipguard.notification;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through the SMTP server configured with {@code spring.mail.*}. A server that cannot
 * be reached, or refuses the login, is reported as down so the run stops trying. A message
 * the server refuses with a 5xx reply is reported as refused for good.
 */
public class SmtpTransport implements MailTransport {

    /** Applied unless {@code spring.mail.properties} sets them: a silent server must not hang a run. */
    private static final String CONNECT_TIMEOUT_MS = "10000";
    private static final String READ_WRITE_TIMEOUT_MS = "60000";

    private static final Logger log = LoggerFactory.getLogger(SmtpTransport.class);

    private final JavaMailSender sender;
    private final String where;

    public SmtpTransport(JavaMailSender sender, String host, Integer port) {
        this.sender = sender;
        if (sender instanceof JavaMailSenderImpl impl) {
            applyTimeouts(impl);
            this.where = impl.getProtocol() + "://" + impl.getHost() + ":" + effectivePort(impl);
        } else {
            this.where = "smtp://" + host + ":" + (port == null ? 25 : port);
        }
    }

    private static void applyTimeouts(JavaMailSenderImpl impl) {
        String protocol = impl.getProtocol() == null ? "smtp" : impl.getProtocol();
        Properties properties = new Properties();
        properties.putAll(impl.getJavaMailProperties());
        properties.putIfAbsent("mail." + protocol + ".connectiontimeout", CONNECT_TIMEOUT_MS);
        properties.putIfAbsent("mail." + protocol + ".timeout", READ_WRITE_TIMEOUT_MS);
        properties.putIfAbsent("mail." + protocol + ".writetimeout", READ_WRITE_TIMEOUT_MS);
        impl.setJavaMailProperties(properties);
    }

    private static int effectivePort(JavaMailSenderImpl impl) {
        if (impl.getPort() > 0) {
            return impl.getPort();
        }
        return "smtps".equals(impl.getProtocol()) ? 465 : 25;
    }

    @Override
    public void send(OutboxEmail email, MimeMessage message) throws MailDeliveryException {
        if (sender instanceof JavaMailSenderImpl impl) {
            sendOneTransaction(impl, email, message);
            return;
        }
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new MailDeliveryException(e.getMessage(), e, isTransportDown(e));
        }
    }

    /**
     * One SMTP session for one message, so the moment the server takes responsibility for it
     * is known: once it has answered the DATA with 2xx the message is delivered, even if the
     * connection breaks afterwards (at QUIT), and is not sent again. Only a break between the
     * end of the data and that answer leaves it unknown; it is then sent again.
     */
    private static void sendOneTransaction(JavaMailSenderImpl impl, OutboxEmail email, MimeMessage message)
            throws MailDeliveryException {
        Transport transport;
        try {
            transport = impl.getSession().getTransport(protocol(impl));
            transport.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
        } catch (MessagingException e) {
            // every other message would fail the same way: the server counts as down
            throw new MailDeliveryException("cannot connect to the mail server: " + e.getMessage(), e, true);
        }
        boolean accepted = false;
        try {
            transport.sendMessage(message, message.getAllRecipients());
            accepted = true;
        } catch (MessagingException e) {
            throw failure(e);
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                if (accepted) {
                    log.warn("the mail server accepted email {} then the connection failed ({}); it counts as sent",
                            email.id(), e.getMessage());
                }
            }
        }
    }

    /** A 5xx reply refuses the message for good; anything else may pass on another try. */
    private static MailDeliveryException failure(MessagingException e) {
        Optional<String> refusal = SmtpReplies.permanentRefusal(e);
        if (refusal.isPresent()) {
            return MailDeliveryException.refusedForGood(refusal.get(), e);
        }
        return new MailDeliveryException(e.getMessage(), e, isTransportDown(e) || SmtpReplies.authenticationRequired(e));
    }

    private static String protocol(JavaMailSenderImpl impl) {
        if (impl.getProtocol() != null) {
            return impl.getProtocol();
        }
        String configured = impl.getSession().getProperty("mail.transport.protocol");
        return configured != null ? configured : "smtp";
    }

    static boolean isTransportDown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MailAuthenticationException || t instanceof ConnectException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String where() {
        return where;
    }
}
