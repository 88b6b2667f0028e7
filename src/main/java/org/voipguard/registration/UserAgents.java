package org.voipguard.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** User-Agents are compared by a hash of their exact text, so any length and content can be a key. */
final class UserAgents {

    private UserAgents() {
    }

    static String hash(String userAgent) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userAgent.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
