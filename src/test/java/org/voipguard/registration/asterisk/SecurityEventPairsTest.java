package org.voipguard.registration.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.voipguard.registration.asterisk.SecurityEventPairs.MalformedPairs;

class SecurityEventPairsTest {

    @Test
    void decodesEscapedQuotesAndBackslashesAndKeepsOtherCharacters() throws MalformedPairs {
        String text = "SecurityEvent=\"X\", A=\"a,b=c\" ,B=\"say \\\"hi\\\"\",C=\"C:\\\\dir\\n\"";

        Map<String, String> pairs = SecurityEventPairs.parse(text, 0);

        assertThat(pairs).containsExactly(
                Map.entry("SecurityEvent", "X"),
                Map.entry("A", "a,b=c"),
                Map.entry("B", "say \"hi\""),
                Map.entry("C", "C:\\dir\\n"));
    }

    @Test
    void startsAtTheGivenPosition() throws MalformedPairs {
        String text = "prefix: garbage \"here\" SecurityEvent=\"X\"";

        assertThat(SecurityEventPairs.parse(text, text.indexOf("SecurityEvent")))
                .containsExactly(Map.entry("SecurityEvent", "X"));
    }

    @Test
    void namesThePositionOfTheProblem() {
        assertThatThrownBy(() -> SecurityEventPairs.parse("A=\"1\"x", 0))
                .isInstanceOf(MalformedPairs.class)
                .hasMessageContaining("at character 6");
    }
}
