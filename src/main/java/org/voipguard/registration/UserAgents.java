package org.voipguard.registration;

import org.voipguard.text.Sha256;

/** User-Agents are compared by a hash of their exact text, so any length and content can be a key. */
final class UserAgents {

    private UserAgents() {
    }

    static String hash(String userAgent) {
        return Sha256.hex(userAgent);
    }
}
