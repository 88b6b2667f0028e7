package org.voipguard.cdr;

/** A call as stored, with the month it is billed in and whether month-end had already closed that month. */
record StoredCall(CdrOutcome.Call call, String billingMonth, boolean lateCharge) {

    String callId() {
        return call.record().callId();
    }

    String number() {
        return call.record().number();
    }
}
