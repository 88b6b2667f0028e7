package org.voipguard.notification;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through the SMTP server configured with {@code spring.mail.*}. A server that cannot
 * be reached, or refuses the login, is reported as down so the run stops trying.
 */
public class SmtpTransport implements MailTransport {

    /** Applied unless {@code spring.mail.properties} sets them: a silent server must not hang a run. */
    private static final String CONNECT_TIMEOUT_MS = "10000";
    private static final String READ_WRITE_TIMEOUT_MS = "60000";

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
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new MailDeliveryException(e.getMessage(), e, isTransportDown(e));
        }
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
