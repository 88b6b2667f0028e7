package org.voipguard.notification;

/**
 * What one delivery run did: emails sent, emails that failed (they stay pending and are
 * retried by the next run), emails still pending afterwards, and where they went.
 */
public record DeliveryReport(int sent, int failed, int stillPending, String where) {

    /** E.g. {@code 3 sent, 0 failed, 0 pending (to outbox/)}. */
    public String summary() {
        return sent + " sent, " + failed + " failed, " + stillPending + " pending (to " + where + ")";
    }

    /** The summary, so a command can print the report as it is. */
    @Override
    public String toString() {
        return summary();
    }
}
