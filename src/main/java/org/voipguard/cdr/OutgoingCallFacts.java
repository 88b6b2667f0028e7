package org.voipguard.cdr;

import org.voipguard.billing.CallClass;
import org.voipguard.billing.PricedCall;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.rules.facts.OutgoingCall;

/** The P1 fact of an outgoing call, the same for the import, a dry run, a scenario and a single check. */
public final class OutgoingCallFacts {

    private OutgoingCallFacts() {
    }

    /** The fact of a priced outgoing call from a CDR, with the number's limits. */
    public static OutgoingCall of(CdrOutcome.Call call, NumberSettings settings) {
        return of(call, PriceLimits.Limits.of(settings));
    }

    static OutgoingCall of(CdrOutcome.Call call, PriceLimits.Limits limits) {
        CdrRecord r = call.record();
        return of(r.callId(), r.number(), r.called(), call.priced(), limits, r.startTime().toString());
    }

    public static OutgoingCall of(String callId, String number, String dialled, PricedCall priced,
            NumberSettings settings, String startTime) {
        return of(callId, number, dialled, priced, PriceLimits.Limits.of(settings), startTime);
    }

    private static OutgoingCall of(String callId, String number, String dialled, PricedCall priced,
            PriceLimits.Limits limits, String startTime) {
        return new OutgoingCall(callId, number, dialled, priced.dialledE164(), priced.callClass() == CallClass.NATIONAL,
                priced.premium(), priced.pricePpm(), limits.nationalPpm(), limits.internationalPpm(), startTime);
    }
}
