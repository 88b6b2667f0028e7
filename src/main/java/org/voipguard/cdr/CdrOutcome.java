package org.voipguard.cdr;

import org.voipguard.billing.PricedCall;

/** What became of one CDR line: a call ready to store, or a rejected line with its reason. */
public sealed interface CdrOutcome {

    long lineNumber();

    /** A valid call; {@code priced} is {@code null} for incoming calls, which the customer does not pay for. */
    record Call(long lineNumber, CdrRecord record, PricedCall priced) implements CdrOutcome {
    }

    record Rejected(long lineNumber, String field, String reason, String rawLine) implements CdrOutcome {
    }
}
