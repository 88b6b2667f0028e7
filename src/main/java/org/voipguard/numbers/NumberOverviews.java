package org.voipguard.numbers;

import java.time.Instant;
import java.util.Optional;

/**
 * The control-page view of numbers. It gathers what other packages keep (phones, spend,
 * alerts), so it is implemented above them ({@code overview}) and asked for here.
 */
public interface NumberOverviews {

    int RECENT_ALERTS = 10;
    int FAILED_EMAILS = 10;

    /** The overview as of {@code now}; empty when the number was never imported. */
    Optional<NumberOverview> find(String number, Instant now);
}
