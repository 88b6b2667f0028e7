package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class AlertFactsTest {

    @Test
    void encodesAJsonObjectInTheOrderGiven() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("call_id", "c-1");
        facts.put("price_ppm", "150");

        assertThat(AlertFacts.encode(facts)).isEqualTo("{\"call_id\":\"c-1\",\"price_ppm\":\"150\"}");
    }

    @Test
    void keepsHostileTextIntactThroughStorage() {
        Map<String, String> facts = Map.of("user_agent", "evil\"\r\nBcc: x@example.net\u0000\u202E}");

        assertThat(AlertFacts.decode(AlertFacts.encode(facts))).isEqualTo(facts);
    }

    @Test
    void storesNullValuesAsEmptyAndNoFactsAsAnEmptyObject() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("dialled", null);

        assertThat(AlertFacts.decode(AlertFacts.encode(facts))).containsEntry("dialled", "");
        assertThat(AlertFacts.encode(null)).isEqualTo("{}");
        assertThat(AlertFacts.decode("")).isEmpty();
    }

    @Test
    void refusesTextThatIsNotAnObjectOfStrings() {
        assertThatThrownBy(() -> AlertFacts.decode("call_id=c-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("alert facts are not a JSON object of strings");
    }

    @Property
    void decodeReversesEncode(@ForAll Map<String, String> facts) {
        assertThat(AlertFacts.decode(AlertFacts.encode(facts))).isEqualTo(facts);
    }
}
