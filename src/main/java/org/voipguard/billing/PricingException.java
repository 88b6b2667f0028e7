package org.voipguard.billing;

/** A call that cannot be classified or priced; names the CDR field at fault. */
public class PricingException extends Exception {

    private final String field;

    public PricingException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
