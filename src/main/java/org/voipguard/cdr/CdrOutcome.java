package org.voipguard.cdr;

import java.math.BigDecimal;

import org.voipguard.billing.PricedCall;

/**
 * What became of one CDR line: a call ready to store, a rejected line with its reason, or a good
 * line that is no call of its own (a Kamailio INVITE waiting for its BYE), counted by its kind.
 */
public sealed interface CdrOutcome {

    long lineNumber();

    /** A valid call; {@code priced} is {@code null} for incoming calls, which the customer does not pay for. */
    record Call(long lineNumber, CdrRecord record, PricedCall priced) implements CdrOutcome {

        /** What the call adds to the bill: the priced cost, else the CDR's own cost, else nothing. */
        public BigDecimal costGbp() {
            if (priced != null) {
                return priced.costGbp();
            }
            return record.costGbp() == null ? BigDecimal.ZERO : record.costGbp();
        }
    }

    record Rejected(long lineNumber, String field, String reason, String rawLine) implements CdrOutcome {
    }

    record Skipped(long lineNumber, String what) implements CdrOutcome {
    }
}
