package org.voipguard.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class SafeTextTest {

    @Test
    void removesLineBreaksSoNoHeaderCanBeStartedInsideAValue() {
        String hostile = "evil\r\nBcc: someone@example.net\r\nX-Injected: yes";

        assertThat(SafeText.fact(hostile)).isEqualTo("evilBcc: someone@example.netX-Injected: yes");
    }

    @Test
    void removesC0C1DelAndBidiControls() {
        String hostile = "a\u0000b\u0007c\td\u001Be\u007Ff\u0085g\u009Bh\u202Ei\u2066j\u200Fk\u2028l\u2029m";

        assertThat(SafeText.fact(hostile)).isEqualTo("abcdefghijklm");
    }

    @Test
    void keepsOrdinaryTextIncludingAccentsAndEmoji() {
        assertThat(SafeText.fact("Zoiper rv2.10 \u00e9t\u00e9 \uD83D\uDCDE")).isEqualTo("Zoiper rv2.10 \u00e9t\u00e9 \uD83D\uDCDE");
    }

    @Test
    void cutsLongValuesToTwoHundredCharacters() {
        String cut = SafeText.fact("x".repeat(500));

        assertThat(cut).hasSize(200).endsWith("...");
    }

    @Test
    void dropsUnpairedSurrogatesAndNeverSplitsAPair() {
        assertThat(SafeText.fact("a\uD800b")).isEqualTo("ab");
        String emoji = "\uD83D\uDCDE".repeat(300);
        String cut = SafeText.fact(emoji);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(200);
        assertThat(cut.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
    }

    @Test
    void nullIsEmpty() {
        assertThat(SafeText.fact(null)).isEmpty();
    }

    @Property
    void anyValueComesOutShortAndFreeOfControlCharacters(@ForAll String value) {
        String safe = SafeText.fact(value);

        assertThat(safe.codePointCount(0, safe.length())).isLessThanOrEqualTo(SafeText.MAX_FACT_LENGTH);
        assertThat(safe.codePoints()).allMatch(SafeText::isAllowed);
        assertThat(safe).doesNotContain("\r", "\n", "\u0000");
    }
}
