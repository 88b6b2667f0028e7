package org.voipguard.notification;

/**
 * A message could not be delivered. When {@link #transportDown()} is true no other message
 * can get through either (the server cannot be reached or refuses the login), so a delivery
 * run stops there instead of failing every remaining message the same way. When
 * {@link #refusedForGood()} is true the server refused this message permanently (a 5xx
 * reply): sending it again would get the same answer, so it is not retried.
 */
public class MailDeliveryException extends Exception {

    private final boolean transportDown;
    private final boolean refusedForGood;

    public MailDeliveryException(String message, Throwable cause, boolean transportDown) {
        this(message, cause, transportDown, false);
    }

    private MailDeliveryException(String message, Throwable cause, boolean transportDown, boolean refusedForGood) {
        super(message, cause);
        this.transportDown = transportDown;
        this.refusedForGood = refusedForGood;
    }

    /** The server refused the message for good; {@code serverWords} is its reply, e.g. {@code 553 5.1.3 ...}. */
    public static MailDeliveryException refusedForGood(String serverWords, Throwable cause) {
        return new MailDeliveryException(serverWords, cause, false, true);
    }

    public boolean transportDown() {
        return transportDown;
    }

    public boolean refusedForGood() {
        return refusedForGood;
    }
}
