package org.voipguard.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The premium flag is libphonenumber's PREMIUM_RATE type, plus every full 09 number. */
class DialledNumberClassifierPremiumProperties {

    private final DialledNumberClassifier classifier = new DialledNumberClassifier();
    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    @Property(tries = 3000)
    void premiumIsLibphonenumbersPremiumRateOrAnyFull09Number(@ForAll("ukNationalNumbers") String nationalNumber)
            throws PricingException, NumberParseException {
        String dialled = "0" + nationalNumber;
        boolean libraryPremium = phoneNumbers.getNumberType(phoneNumbers.parse(dialled, "GB"))
                == PhoneNumberType.PREMIUM_RATE;

        boolean premium = classifier.classify(dialled).premium();

        assertThat(premium).isEqualTo(libraryPremium || nationalNumber.startsWith("9"));
    }

    /** Nine- and ten-digit UK national numbers, weighted towards the 08 and 09 ranges. */
    @Provide
    Arbitrary<String> ukNationalNumbers() {
        Arbitrary<String> start = Arbitraries.of("1", "2", "3", "5", "7", "80", "84", "87", "9", "90", "91", "98");
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(10);
        Arbitrary<Integer> length = Arbitraries.of(9, 10);
        return Combinators.combine(start, digits, length)
                .as((first, more, size) -> (first + more).substring(0, size));
    }
}
