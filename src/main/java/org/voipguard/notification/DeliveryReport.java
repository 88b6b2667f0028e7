package org.voipguard.notification;

import java.util.List;

/**
 * What one delivery run did: emails sent, emails that failed (they stay pending and are
 * retried by the next run), emails the mail server refused for good in this run (they are
 * {@code FAILED} and not retried), emails still pending afterwards, and where they went.
 */
public record DeliveryReport(int sent, int failed, int stillPending, String where, List<Refusal> refusals) {

    public DeliveryReport {
        refusals = List.copyOf(refusals);
    }

    public DeliveryReport(int sent, int failed, int stillPending, String where) {
        this(sent, failed, stillPending, where, List.of());
    }

    /** An email refused for good: who it was for and the server's words. */
    public record Refusal(String number, String alertType, List<String> recipients, String reason) {

        public Refusal {
            recipients = List.copyOf(recipients);
        }

        /** E.g. {@code email to a@example.com (+441632960001, NEW_IP) FAILED: 553 5.1.3 ...}. */
        public String describe() {
            return "email to " + String.join(", ", recipients) + " (" + number + ", " + alertType + ") FAILED: "
                    + reason + "; it is not sent again";
        }
    }

    /** E.g. {@code 3 sent, 0 failed, 0 pending (to outbox/)}; the refused ones are counted when there are any. */
    public String summary() {
        String refused = refusals.isEmpty() ? "" : refusals.size() + " refused, ";
        return sent + " sent, " + failed + " failed, " + refused + stillPending + " pending (to " + where + ")";
    }

    /** True when a person should look: an email still waits, or the server refused one in this run. */
    public boolean needsAttention() {
        return stillPending > 0 || !refusals.isEmpty();
    }

    /** The summary, so a command can print the report as it is. */
    @Override
    public String toString() {
        return summary();
    }
}
