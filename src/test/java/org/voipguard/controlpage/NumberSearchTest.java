package org.voipguard.controlpage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberSearchTest {

    private final NumberSearch search = new NumberSearch("GB");

    @ParameterizedTest
    @ValueSource(strings = {"+441632960001", "441632960001", "01632960001", "01632 960001", " (01632) 960-001 ",
        "+44 1632 960001", "0044 1632 960001", "tel:+44-1632-960001", "+44.1632.960001"})
    void everyCommonFormOfANumberFindsItsE164Form(String typed) {
        assertThat(search.e164(typed)).contains("+441632960001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "admin", "<script>alert(1)</script>", "100", "+44 1632 960001 ext 2",
        "0123456789012345678901234567890123456789012345"})
    void textThatIsNoPhoneNumberFindsNothing(String typed) {
        assertThat(search.e164(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0140000000", "01 40 00 00 00"})
    void aNationalNumberIsReadInTheDefaultCountry(String typed) {
        NumberSearch inFrance = new NumberSearch("FR");

        assertThat(inFrance.e164(typed)).contains("+33140000000");
    }
}
