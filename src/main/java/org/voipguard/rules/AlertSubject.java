package org.voipguard.rules;

import java.util.Map;

/**
 * A fact that an alert can be raised about. It names the number, a key that is the same
 * every time the same event is seen (so a re-run never stores the alert twice), and the
 * facts worth showing to the customer and the analyst. An alert about an address rather than
 * a number (a password-guessing address, a scanner) has no number and names the address.
 */
public interface AlertSubject {

    /** The number the alert is about; {@code null} for an alert about an address, which goes to the operators. */
    String getNumber();

    /** The source address the alert is about or came from, canonical; {@code null} when none. */
    default String getAddress() {
        return null;
    }

    String getAlertKey();

    Map<String, String> describe();
}
