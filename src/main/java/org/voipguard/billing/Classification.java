package org.voipguard.billing;

/**
 * What a dialled number is, for pricing and the price limits of P1.
 *
 * @param e164      the number in E.164 form, e.g. {@code +441632960001}
 * @param callClass national for country code 44, otherwise international
 * @param premium   a UK premium-rate number (09…, or a range libphonenumber rates premium)
 */
public record Classification(String e164, CallClass callClass, boolean premium) {

    public boolean national() {
        return callClass == CallClass.NATIONAL;
    }

    /** The E.164 digits without the plus, as tariff prefixes are written. */
    public String digits() {
        return e164.substring(1);
    }
}
