package org.voipguard.notification;

import java.util.Collection;
import java.util.regex.Pattern;
import org.voipguard.text.Sha256;

/**
 * Message-IDs derived from alert keys: the same alerts always give the same Message-ID, so a
 * resent email can be recognised by its recipient and is refused by the outbox's unique
 * {@code message_id}.
 */
final class MessageIds {

    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,200}[A-Za-z0-9])?");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[A-Za-z0-9._-]{1,100}@[A-Za-z0-9.-]{1,202}>");
    private static final int HASH_CHARACTERS = 32;

    private MessageIds() {
    }

    /** {@code <first 32 hex digits of SHA-256 of the sorted keys, one per line>@domain>}. */
    static String forAlertKeys(Collection<String> alertKeys, String domain) {
        String joined = String.join("\n", alertKeys.stream().sorted().toList());
        return "<" + Sha256.hex(joined).substring(0, HASH_CHARACTERS) + "@" + domain + ">";
    }

    static String checkedDomain(String domain) {
        if (domain == null || !DOMAIN.matcher(domain).matches()) {
            throw new IllegalStateException("voipguard.mail.message-id-domain must be a domain name such as "
                    + "voipguard.example.net, not \"" + SafeText.clean(domain, 100) + "\"");
        }
        return domain;
    }

    static boolean isWellFormed(String messageId) {
        return messageId != null && MESSAGE_ID.matcher(messageId).matches();
    }
}
