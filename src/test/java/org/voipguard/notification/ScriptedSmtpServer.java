package org.voipguard.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small real SMTP server on a socket whose behaviour after the message data can be chosen,
 * for the failures GreenMail does not make: a server that accepts a message and then stops
 * answering, or one that drops the connection before it answers the data, or one that
 * refuses a command (e.g. {@code RCPT TO:<x>} with {@code 553}) or the message data.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    enum AfterData {
        /** 250 for the data, 221 for QUIT. */
        BEHAVE,
        /** 250 for the data (the message is accepted), then no answer to QUIT: the client times out. */
        ACCEPT_THEN_HANG,
        /** The connection is closed once the data has arrived, without an answer: the client cannot know. */
        DROP_BEFORE_REPLY,
        /** 250 for the data, then the connection is closed: one message per connection. */
        ACCEPT_THEN_CLOSE
    }

    private final ServerSocket socket;
    private final Thread thread;
    private final List<String> acceptedMessageIds = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private volatile AfterData afterData = AfterData.BEHAVE;
    private volatile String dataRefusal;

    ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    void afterData(AfterData behaviour) {
        this.afterData = behaviour;
    }

    /**
     * Answers {@code reply} instead of 250 to every command that starts with {@code commandStart}
     * (compared ignoring case), e.g. {@code refuse("RCPT TO:<a@example.com>", "553 5.1.3 no")}.
     */
    void refuse(String commandStart, String reply) {
        refusals.put(commandStart.toUpperCase(Locale.ROOT), reply);
    }

    /** Answers {@code reply} instead of 250 at the end of the message data; {@code null} accepts again. */
    void refuseData(String reply) {
        this.dataRefusal = reply;
    }

    /** Back to accepting everything, as at the start. */
    void behave() {
        refusals.clear();
        dataRefusal = null;
        afterData = AfterData.BEHAVE;
    }

    /** Forgets the commands received and the messages accepted so far. */
    void clearLog() {
        commands.clear();
        acceptedMessageIds.clear();
    }

    /** Every command received, in order, as the client sent it. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    /** The Message-IDs of the messages this server answered 250 to, one entry per acceptance. */
    List<String> acceptedMessageIds() {
        return List.copyOf(acceptedMessageIds);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                converse(connection);
            } catch (IOException e) {
                // the client went away or the server is closing: wait for the next connection
            }
        }
    }

    private void converse(Socket connection) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = connection.getOutputStream();
        reply(out, "220 scripted ESMTP");
        boolean accepted = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            commands.add(line);
            String command = line.toUpperCase(Locale.ROOT);
            String refusal = refusals.entrySet().stream().filter(entry -> command.startsWith(entry.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (refusal != null) {
                reply(out, refusal);
            } else if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 scripted");
            } else if (command.startsWith("MAIL") || command.startsWith("RCPT") || command.startsWith("RSET")
                    || command.startsWith("NOOP")) {
                reply(out, "250 OK");
            } else if (command.startsWith("DATA")) {
                reply(out, "354 go ahead");
                String messageId = readData(in);
                if (afterData == AfterData.DROP_BEFORE_REPLY) {
                    return;
                }
                if (dataRefusal != null) {
                    reply(out, dataRefusal);
                    continue;
                }
                acceptedMessageIds.add(messageId);
                accepted = true;
                reply(out, "250 queued");
                if (afterData == AfterData.ACCEPT_THEN_CLOSE) {
                    return;
                }
            } else if (command.startsWith("QUIT")) {
                if (accepted && afterData == AfterData.ACCEPT_THEN_HANG) {
                    while (in.readLine() != null) {
                        // no answer: wait until the client gives up and closes
                    }
                    return;
                }
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "502 not implemented");
            }
        }
    }

    private static String readData(BufferedReader in) throws IOException {
        String messageId = null;
        boolean headers = true;
        for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
            if (line.isEmpty()) {
                headers = false;
            } else if (headers && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = line.substring(11).strip();
            }
        }
        return messageId;
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
