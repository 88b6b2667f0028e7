package org.voipguard.controlpage;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page's query parameter that cannot be read: the page answers 400 saying what it expects, not what it got. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class BadPageParameterException extends RuntimeException {

    BadPageParameterException(String parameter, String expected) {
        super(parameter + ": expected " + expected);
    }
}
