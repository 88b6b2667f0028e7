package org.voipguard.rules;

import java.util.Map;

/**
 * A fact that an alert can be raised about. It names the number, a key that is the same
 * every time the same event is seen (so a re-run never stores the alert twice), and the
 * facts worth showing to the customer and the analyst.
 */
public interface AlertSubject {

    String getNumber();

    String getAlertKey();

    Map<String, String> describe();
}
