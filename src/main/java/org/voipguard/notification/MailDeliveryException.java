package org.voipguard.notification;

/**
 * A message could not be delivered. When {@link #transportDown()} is true no other message
 * can get through either (the server cannot be reached or refuses the login), so a delivery
 * run stops there instead of failing every remaining message the same way.
 */
public class MailDeliveryException extends Exception {

    private final boolean transportDown;

    public MailDeliveryException(String message, Throwable cause, boolean transportDown) {
        super(message, cause);
        this.transportDown = transportDown;
    }

    public boolean transportDown() {
        return transportDown;
    }
}
