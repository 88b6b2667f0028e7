package org.voipguard.enforcement;

/** A request parameter that is missing or malformed; the message names it. */
class BadParameterException extends RuntimeException {

    BadParameterException(String parameter, String reason) {
        super(parameter + ": " + reason);
    }
}
