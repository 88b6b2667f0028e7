package org.voipguard.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DialledNumberClassifierTest {

    private final DialledNumberClassifier classifier = new DialledNumberClassifier();

    @ParameterizedTest(name = "{0} -> {1} {2} premium={3}")
    @CsvSource(delimiter = '|', textBlock = """
            +441632960001         | +441632960001 | NATIONAL      | false
            +44 1632 960001       | +441632960001 | NATIONAL      | false
            0044 1632 960001      | +441632960001 | NATIONAL      | false
            01632 960001          | +441632960001 | NATIONAL      | false
            (01632) 960-001       | +441632960001 | NATIONAL      | false
            020 7946 0000         | +442079460000 | NATIONAL      | false
            +44 (0)20 7946 0000   | +442079460000 | NATIONAL      | false
            07700 900123          | +447700900123 | NATIONAL      | false
            07700.900.123         | +447700900123 | NATIONAL      | false
            +447700900123         | +447700900123 | NATIONAL      | false
            0800 123456           | +44800123456  | NATIONAL      | false
            09098 790123          | +449098790123 | NATIONAL      | true
            0044 909 879 0123     | +449098790123 | NATIONAL      | true
            0871 234 5678         | +448712345678 | NATIONAL      | true
            999                   | +44999        | NATIONAL      | false
            +1 202 555 0123       | +12025550123  | INTERNATIONAL | false
            +1-876-555-0123       | +18765550123  | INTERNATIONAL | false
            0033 1 42 68 53 00    | +33142685300  | INTERNATIONAL | false
            001 202 555 0123      | +12025550123  | INTERNATIONAL | false
            00234 803 123 4567    | +2348031234567 | INTERNATIONAL | false
            +8816 1234 5678       | +881612345678 | INTERNATIONAL | false
            """)
    void classifiesAsDialled(String dialled, String e164, CallClass callClass, boolean premium)
            throws PricingException {
        Classification classification = classifier.classify(dialled);

        assertThat(classification).isEqualTo(new Classification(e164, callClass, premium));
    }

    @Test
    void internationalNumbersAreNeverUkPremium() throws PricingException {
        assertThat(classifier.classify("+33 9 12 34 56 78").premium()).isFalse();
    }

    @Test
    void digitsAreTheE164FormWithoutThePlus() throws PricingException {
        assertThat(classifier.classify("01632 960001").digits()).isEqualTo("441632960001");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "0800 FLOWERS", "+44 1632 96000x", "+", "00", "0", "+999 123", "12+34",
            "*123#", "01632\u0000960001", "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void rejectsWhatIsNotANumberAsTheCalledField(String dialled) {
        assertThatThrownBy(() -> classifier.classify(dialled))
                .isInstanceOfSatisfying(PricingException.class, e -> assertThat(e.field()).isEqualTo("called"))
                .hasMessageStartingWith("the called number");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> classifier.classify(null)).isInstanceOf(PricingException.class)
                .hasMessage("the called number is empty");
    }

    @Test
    void namesTheReasonWhenLettersAreDialled() {
        assertThatThrownBy(() -> classifier.classify("0800 FLOWERS")).hasMessage("the called number has letters");
    }
}
