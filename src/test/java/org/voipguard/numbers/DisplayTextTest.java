package org.voipguard.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTextTest {

    @Test
    void turnsLineBreaksIntoSpacesAndDropsOtherControlAndFormatCharacters() {
        assertThat(DisplayText.clean("Evil/1.0\r\nBcc: x@evil.example\u0000\u001b[2J\u202egnp.exe\u200b", 120))
                .isEqualTo("Evil/1.0 Bcc: x@evil.example[2Jgnp.exe");
    }

    @Test
    void cutsLongTextWithoutSplittingACharacter() {
        String cut = DisplayText.clean("\uD83D\uDE00".repeat(200), 10);

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(10);
        assertThat(cut).endsWith("\uD83D\uDE00...");
    }

    @Test
    void showsNothingForNoText() {
        assertThat(DisplayText.clean(null, 10)).isEmpty();
        assertThat(DisplayText.clean("short", 10)).isEqualTo("short");
    }
}
