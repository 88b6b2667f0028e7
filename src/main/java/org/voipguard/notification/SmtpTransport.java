package org.voipguard.notification;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * Sends through the SMTP server configured with {@code spring.mail.*}, many messages per
 * connection and, with {@code voipguard.mail.connections}, over several connections at once. A server that cannot
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
    private final int connections;

    public SmtpTransport(JavaMailSender sender, String host, Integer port) {
        this(sender, host, port, 1);
    }

    /** {@code connections}: how many SMTP connections deliver a page of messages at once. */
    public SmtpTransport(JavaMailSender sender, String host, Integer port, int connections) {
        this.sender = sender;
        this.connections = Math.max(1, connections);
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
            SendResult result = new Connection(impl, new AtomicBoolean()).sendAll(List.of(new Outgoing(email, message)))
                    .get(0);
            if (!result.isSent()) {
                throw result.failure();
            }
            return;
        }
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new MailDeliveryException(e.getMessage(), e, isTransportDown(e));
        }
    }

    /**
     * Sends the page over {@code connections} SMTP connections at once, each carrying its share
     * of the messages one after the other. Once one connection finds the server down, the others
     * stop after their current message.
     */
    @Override
    public List<SendResult> sendAll(List<Outgoing> page) {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            return MailTransport.super.sendAll(page);
        }
        int workers = Math.min(connections, page.size());
        AtomicBoolean down = new AtomicBoolean();
        if (workers <= 1) {
            return new Connection(impl, down).sendAll(page);
        }
        ExecutorService executor = Executors.newFixedThreadPool(workers);
        try {
            List<CompletableFuture<List<SendResult>>> shares = new ArrayList<>();
            for (int worker = 0; worker < workers; worker++) {
                List<Outgoing> share = share(page, worker, workers);
                shares.add(CompletableFuture.supplyAsync(() -> new Connection(impl, down).sendAll(share), executor));
            }
            return shares.stream().flatMap(share -> share.join().stream()).toList();
        } finally {
            executor.shutdown();
        }
    }

    private static List<Outgoing> share(List<Outgoing> page, int worker, int workers) {
        List<Outgoing> share = new ArrayList<>();
        for (int i = worker; i < page.size(); i += workers) {
            share.add(page.get(i));
        }
        return share;
    }

    /**
     * One SMTP connection that sends many messages, one mail transaction each. Once the server
     * has answered a message's data with 2xx the message is delivered, even if the connection
     * breaks afterwards, and is not sent again. After any failure the connection is dropped; a
     * message that fails on a connection that already carried others (the server may have closed
     * it) is tried once more on a new one, with the same Message-ID.
     */
    private static final class Connection {

        private final JavaMailSenderImpl impl;
        private final AtomicBoolean down;
        private Transport transport;
        private boolean reused;
        private int accepted;

        Connection(JavaMailSenderImpl impl, AtomicBoolean down) {
            this.impl = impl;
            this.down = down;
        }

        List<SendResult> sendAll(List<Outgoing> share) {
            List<SendResult> results = new ArrayList<>(share.size());
            try {
                for (Outgoing outgoing : share) {
                    if (down.get()) {
                        break;
                    }
                    SendResult result = sendOne(outgoing);
                    results.add(result);
                    if (!result.isSent() && result.failure().transportDown()) {
                        down.set(true);
                    }
                }
            } finally {
                drop();
            }
            return results;
        }

        private SendResult sendOne(Outgoing outgoing) {
            try {
                return attempt(outgoing);
            } catch (MailDeliveryException failure) {
                boolean wasReused = reused;
                drop();
                if (!wasReused || failure.refusedForGood()) {
                    return SendResult.failed(outgoing.email(), failure);
                }
                try {
                    return attempt(outgoing);
                } catch (MailDeliveryException again) {
                    drop();
                    return SendResult.failed(outgoing.email(), again);
                }
            }
        }

        private SendResult attempt(Outgoing outgoing) throws MailDeliveryException {
            if (transport == null) {
                transport = connect(impl);
                reused = false;
            }
            MimeMessage message = outgoing.message();
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                throw failure(e);
            }
            reused = true;
            accepted++;
            return SendResult.sent(outgoing.email());
        }

        /** Closes the connection; a failure then does not undo the messages the server accepted. */
        private void drop() {
            if (transport == null) {
                return;
            }
            try {
                transport.close();
            } catch (MessagingException e) {
                if (accepted > 0) {
                    log.warn("the mail server accepted {} emails then the connection failed ({}); they count as sent",
                            accepted, e.getMessage());
                }
            }
            transport = null;
            accepted = 0;
        }
    }

    private static Transport connect(JavaMailSenderImpl impl) throws MailDeliveryException {
        try {
            Transport transport = impl.getSession().getTransport(protocol(impl));
            transport.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
            return transport;
        } catch (MessagingException e) {
            // every other message would fail the same way: the server counts as down
            throw new MailDeliveryException("cannot connect to the mail server: " + e.getMessage(), e, true);
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
