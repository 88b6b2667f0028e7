package org.voipguard.notification;

/**
 * What one composing pass did: how many stored alerts it took, how many emails it put into
 * the outbox, and how many of the alerts had no address to go to (they stay stored).
 */
public record ComposeReport(int alerts, int emails, int alertsWithoutRecipient) {

    ComposeReport plus(ComposeReport other) {
        return new ComposeReport(alerts + other.alerts, emails + other.emails,
                alertsWithoutRecipient + other.alertsWithoutRecipient);
    }
}
