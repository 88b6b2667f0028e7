package org.voipguard.command;

/** Bad arguments or configuration: the command exits with {@link ExitCodes#BAD_USAGE}. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
