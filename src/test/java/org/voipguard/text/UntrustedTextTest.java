package org.voipguard.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

    @Test
    void lineBreaksAndTabsBecomeTheirEscapes() {
        assertThat(UntrustedText.escape("a.csv\ncdrs import: forged\r\n\tx")).isEqualTo("a.csv\\ncdrs import: forged\\r\\n\\tx");
    }

    @Test
    void otherInvisibleCharactersBecomeUnicodeEscapes() {
        String terminalEscape = "\u001b[2J";
        String rightToLeftOverride = "txt.\u202Eexe";
        String nextLineAndSeparators = "a\u0085b\u2028c\u2029d";

        assertThat(UntrustedText.escape(terminalEscape)).isEqualTo("\\u001b[2J");
        assertThat(UntrustedText.escape(rightToLeftOverride)).isEqualTo("txt.\\u202eexe");
        assertThat(UntrustedText.escape(nextLineAndSeparators)).isEqualTo("a\\u0085b\\u2028c\\u2029d");
        assertThat(UntrustedText.escape("bad\uD800surrogate")).isEqualTo("bad\\ud800surrogate");
    }

    @Test
    void printableTextIsUnchangedSoEscapingTwiceChangesNothing() {
        String text = "Zoë's calls 2026-11-01 £3 \u4e2d\u6587 \uD83D\uDCDE C:\\path";
        String once = UntrustedText.escape("x\ny" + text);

        assertThat(UntrustedText.escape(text)).isEqualTo(text);
        assertThat(UntrustedText.escape(once)).isEqualTo(once);
    }

    @Test
    void pathsAndNullAreShown() {
        assertThat(UntrustedText.escape(Path.of("/in/a\nb.csv"))).isEqualTo("/in/a\\nb.csv");
        assertThat(UntrustedText.escape(null)).isEqualTo("null");
    }
}
