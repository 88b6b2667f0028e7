package org.voipguard.rules.facts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failed authentications from one source address, whatever the numbers (check
 * {@code AUTH_FAILURES}): wrong passwords and unknown users, users that are no telephone
 * number included. The alert goes to the operators, and the address onto the blocklist.
 */
public final class AddressAuthFailures extends ThresholdCount {

    private final String sourceIp;
    private final int numbersTried;
    private final List<String> numbers;

    /** @param numbers the numbers tried, as listed (the first few, then how many more) */
    public AddressAuthFailures(String sourceIp, long failures, Duration window, String firstTime, String lastTime,
            long warning, long critical, String severity, int numbersTried, List<String> numbers) {
        super(sourceIp, failures, window, firstTime, lastTime, warning, critical, severity);
        this.sourceIp = sourceIp;
        this.numbersTried = numbersTried;
        this.numbers = List.copyOf(numbers);
    }

    @Override public String getNumber() { return null; }
    @Override public String getAddress() { return sourceIp; }
    public String getSourceIp() { return sourceIp; }
    /** Failed authentications from the address within the window. */
    public long getFailures() { return getCount(); }
    /** How many different numbers (or user names that are no number) the failures were for. */
    public int getNumbersTried() { return numbersTried; }

    @Override
    public Map<String, String> describe() {
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("source_ip", sourceIp);
        Map<String, String> facts = describe(subject, "failures");
        facts.put("numbers_tried", String.valueOf(numbersTried));
        facts.put("numbers", String.join(", ", numbers));
        return facts;
    }

    @Override
    public String toString() {
        return "AddressAuthFailures[" + sourceIp + ": " + getCount() + " in " + getWindow() + ", " + getSeverity() + "]";
    }
}
