package org.voipguard.rules.facts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wrong passwords given for one number, from any addresses (check {@code PASSWORD_GUESSING}):
 * someone is guessing the number's SIP password. The alert goes to the number's email.
 */
public final class NumberAuthFailures extends ThresholdCount {

    private final String number;
    private final int addressCount;
    private final List<String> addresses;

    /** @param addresses the addresses, as listed (the first few, then how many more) */
    public NumberAuthFailures(String number, long failures, Duration window, String firstTime, String lastTime,
            long warning, long critical, String severity, int addressCount, List<String> addresses) {
        super(number, failures, window, firstTime, lastTime, warning, critical, severity);
        this.number = number;
        this.addressCount = addressCount;
        this.addresses = List.copyOf(addresses);
    }

    @Override public String getNumber() { return number; }
    /** Wrong passwords for the number within the window. */
    public long getFailures() { return getCount(); }
    /** How many different addresses they came from. */
    public int getAddressCount() { return addressCount; }

    @Override
    public Map<String, String> describe() {
        Map<String, String> facts = describe(new LinkedHashMap<>(), "failures");
        facts.put("address_count", String.valueOf(addressCount));
        facts.put("addresses", String.join(", ", addresses));
        return facts;
    }

    @Override
    public String toString() {
        return "NumberAuthFailures[" + number + ": " + getCount() + " in " + getWindow() + ", " + getSeverity() + "]";
    }
}
