package org.voipguard.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.SendFailedException;

/**
 * What the SMTP replies behind a failed send say. A 5xx reply to MAIL, RCPT or the message
 * data is a refusal for good: sending the same message again gets the same answer. The
 * replies that ask for authentication are not: they concern every message and go away once
 * the configuration is fixed.
 * <p>
 * Jakarta Mail reports each refused command as a {@link SendFailedException} in the chain of
 * causes whose message is the server's reply, e.g. {@code 553 5.1.3 mailbox name not allowed};
 * the reply code is read from there, so no class of the mail provider is needed.
 */
final class SmtpReplies {

    private static final Set<Integer> AUTHENTICATION_CODES = Set.of(530, 534, 535, 538);
    private static final Pattern REPLY = Pattern.compile("([2-5][0-9][0-9])(?:[ -].*)?", Pattern.DOTALL);

    private SmtpReplies() {
    }

    /** The server's words when every SMTP reply in the failure is a permanent refusal; empty otherwise. */
    static Optional<String> permanentRefusal(Throwable failure) {
        List<Reply> replies = replies(failure);
        if (replies.isEmpty() || !replies.stream().allMatch(Reply::isPermanentRefusal)) {
            return Optional.empty();
        }
        return Optional.of(String.join("; ", replies.stream().map(Reply::words).distinct().toList()));
    }

    /** True when the server asks for authentication (or refuses it) in reply to a command. */
    static boolean authenticationRequired(Throwable failure) {
        return replies(failure).stream().anyMatch(reply -> AUTHENTICATION_CODES.contains(reply.code()));
    }

    private static List<Reply> replies(Throwable failure) {
        List<Reply> replies = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SendFailedException && t.getMessage() != null) {
                Matcher reply = REPLY.matcher(t.getMessage().strip());
                if (reply.matches()) {
                    replies.add(new Reply(Integer.parseInt(reply.group(1)), t.getMessage()));
                }
            }
        }
        return replies;
    }

    private record Reply(int code, String words) {

        Reply {
            words = words == null ? String.valueOf(code) : words.strip().replaceAll("\\s*\\R\\s*", " ");
        }

        boolean isPermanentRefusal() {
            return code >= 500 && code <= 599 && !AUTHENTICATION_CODES.contains(code);
        }
    }
}
