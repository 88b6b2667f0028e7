package org.voipguard.rules.facts;

import java.util.LinkedHashMap;
import java.util.Map;

import org.voipguard.rules.AlertSubject;

/**
 * One REGISTER for a number (policies P2 and P4), with what VoIPGuard knew just before it:
 * whether the address is on the number's access list, whether the address and User-Agent
 * were seen registered before, and whether a lockdown warning for this address went out in
 * the last 24 hours. {@code userAgent} is {@code null} when the log format carries none.
 */
public final class RegistrationAttempt implements AlertSubject {

    private final String eventKey;
    private final String number;
    private final String time;
    private final String sourceIp;
    private final String userAgent;
    private final String authResult;
    private final boolean accessListEmpty;
    private final boolean fromPermittedAddress;
    private final boolean newIp;
    private final boolean newUserAgent;
    private final String notifyMode;
    private final boolean lockdownWarnedInLast24Hours;

    public RegistrationAttempt(String eventKey, String number, String time, String sourceIp, String userAgent,
            String authResult, boolean accessListEmpty, boolean fromPermittedAddress, boolean newIp,
            boolean newUserAgent, String notifyMode, boolean lockdownWarnedInLast24Hours) {
        this.eventKey = eventKey;
        this.number = number;
        this.time = time;
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
        this.authResult = authResult;
        this.accessListEmpty = accessListEmpty;
        this.fromPermittedAddress = fromPermittedAddress;
        this.newIp = newIp;
        this.newUserAgent = newUserAgent;
        this.notifyMode = notifyMode;
        this.lockdownWarnedInLast24Hours = lockdownWarnedInLast24Hours;
    }

    @Override public String getNumber() { return number; }
    /** The source address: a {@code LOCKDOWN_BLOCKED} alert puts it on the blocklist. */
    @Override public String getAddress() { return sourceIp; }
    public String getTime() { return time; }
    public String getSourceIp() { return sourceIp; }
    public String getUserAgent() { return userAgent; }
    /** OK, BAD_PASSWORD or UNKNOWN_USER. */
    public String getAuthResult() { return authResult; }
    /** True when the password was right. */
    public boolean isCorrectPassword() { return "OK".equals(authResult); }
    /** True when the number has no access list, i.e. any address may register. */
    public boolean isAccessListEmpty() { return accessListEmpty; }
    /** True when the access list is empty or contains the source address. */
    public boolean isFromPermittedAddress() { return fromPermittedAddress; }
    /** True when the registration is refused because the address is not on the access list. */
    public boolean isBlocked() { return !fromPermittedAddress; }
    /** A correct password from a permitted address: the phone is registered. */
    public boolean isAccepted() { return isCorrectPassword() && fromPermittedAddress; }
    /** True when this address was never seen registered for this number (the first registration is new). */
    public boolean isNewIp() { return newIp; }
    /** True when this User-Agent was never seen registered for this number; never true without a User-Agent. */
    public boolean isNewUserAgent() { return newUserAgent; }
    /** NEW_IP_OR_AGENT, NEW_AGENT or NONE. */
    public String getNotifyMode() { return notifyMode; }
    public boolean isLockdownWarnedInLast24Hours() { return lockdownWarnedInLast24Hours; }

    @Override
    public String getAlertKey() {
        return eventKey;
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("time", time);
        facts.put("source_ip", sourceIp);
        facts.put("user_agent", userAgent == null ? "(not logged)" : userAgent);
        facts.put("auth_result", authResult);
        return facts;
    }

    @Override
    public String toString() {
        return "RegistrationAttempt[" + number + " from " + sourceIp + " at " + time + ", " + authResult + "]";
    }
}
