package org.voipguard.registration;

/**
 * What imports learned: how many numbers registered from an address or with a User-Agent never
 * seen for them, and how many such addresses and User-Agents there were.
 */
public record Learned(long numbers, long addresses, long userAgents) {

    public static final Learned NOTHING = new Learned(0, 0, 0);

    public Learned plus(Learned other) {
        return new Learned(numbers + other.numbers, addresses + other.addresses, userAgents + other.userAgents);
    }

    /** E.g. {@code 3 numbers, 4 addresses, 3 User-Agents}. */
    public String describe() {
        return numbers + " numbers, " + addresses + " addresses, " + userAgents + " User-Agents";
    }
}
