package org.voipguard.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The everyday UK forms, read without libphonenumber, give exactly libphonenumber's number and class. */
class DialledNumberClassifierFastPathProperties {

    private final DialledNumberClassifier classifier = new DialledNumberClassifier();
    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    @Property(tries = 10000)
    void agreesWithLibphonenumber(@ForAll("dialledNumbers") String dialled) throws NumberParseException {
        PhoneNumber expected = phoneNumbers.parse(dialled, "GB");
        String e164 = phoneNumbers.format(expected, PhoneNumberFormat.E164);

        Classification classification;
        try {
            classification = classifier.classify(dialled);
        } catch (PricingException e) {
            throw new AssertionError(dialled + " was rejected: " + e.getMessage(), e);
        }

        assertThat(classification.e164()).isEqualTo(e164);
        assertThat(classification.national()).isEqualTo(expected.getCountryCode() == 44);
    }

    /** UK and foreign numbers written with +44, 0044, 0, 00 or + and 2 to 13 digits after the prefix. */
    @Provide
    Arbitrary<String> dialledNumbers() {
        Arbitrary<String> prefix = Arbitraries.of("+44", "0044", "0", "0", "+44 ", "0044 ", "00", "+", "+440", "00440");
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(2).ofMaxLength(13)
                .filter(d -> d.charAt(0) != '0' || d.length() > 2);
        return Combinators.combine(prefix, digits).as((p, d) -> p + d)
                .filter(this::libphonenumberReads);
    }

    private boolean libphonenumberReads(String dialled) {
        try {
            phoneNumbers.parse(dialled, "GB");
            return true;
        } catch (NumberParseException e) {
            return false;
        }
    }
}
