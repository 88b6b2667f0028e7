package org.voipguard.enforcement;

/** The service cannot decide yet: the settings or the rules are not loaded. */
class NotReadyException extends RuntimeException {

    NotReadyException(String message) {
        super(message);
    }
}
