package org.voipguard.rules.facts;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.voipguard.rules.AlertSubject;

/**
 * An outgoing call from a customer's number (policy P1). Prices are pence per minute;
 * the limits are the number's own, defaults already applied.
 */
public final class OutgoingCall implements AlertSubject {

    private final String callId;
    private final String number;
    private final String dialled;
    private final String dialledE164;
    private final boolean national;
    private final boolean premium;
    private final BigDecimal pricePpm;
    private final BigDecimal nationalLimitPpm;
    private final BigDecimal internationalLimitPpm;
    private final String startTime;

    public OutgoingCall(String callId, String number, String dialled, String dialledE164, boolean national,
            boolean premium, BigDecimal pricePpm, BigDecimal nationalLimitPpm, BigDecimal internationalLimitPpm,
            String startTime) {
        this.callId = callId;
        this.number = number;
        this.dialled = dialled;
        this.dialledE164 = dialledE164;
        this.national = national;
        this.premium = premium;
        this.pricePpm = pricePpm;
        this.nationalLimitPpm = nationalLimitPpm;
        this.internationalLimitPpm = internationalLimitPpm;
        this.startTime = startTime;
    }

    public String getCallId() { return callId; }
    @Override public String getNumber() { return number; }
    /** The number as the customer dialled it. */
    public String getDialled() { return dialled; }
    /** The dialled number in E.164 form, e.g. {@code +449098790123}. */
    public String getDialledE164() { return dialledE164; }
    /** True for calls to UK numbers ({@code +44…}, {@code 0044…}, {@code 0…}). */
    public boolean isNational() { return national; }
    public boolean isInternational() { return !national; }
    /** True for UK premium-rate numbers (09…). */
    public boolean isPremium() { return premium; }
    /** Pence per minute. */
    public BigDecimal getPricePpm() { return pricePpm; }
    public BigDecimal getNationalLimitPpm() { return nationalLimitPpm; }
    public BigDecimal getInternationalLimitPpm() { return internationalLimitPpm; }
    /** The limit that applies to this call's class. */
    public BigDecimal getLimitPpm() { return national ? nationalLimitPpm : internationalLimitPpm; }
    public String getStartTime() { return startTime; }

    @Override
    public String getAlertKey() {
        return callId;
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("call_id", callId);
        facts.put("start_time", startTime);
        facts.put("dialled", dialled);
        facts.put("class", national ? (premium ? "national premium" : "national") : "international");
        facts.put("price_ppm", pricePpm.toPlainString());
        facts.put("limit_ppm", getLimitPpm().toPlainString());
        return facts;
    }

    @Override
    public String toString() {
        return "OutgoingCall[" + callId + " " + number + " -> " + dialled + " at " + pricePpm + "p/min]";
    }
}
