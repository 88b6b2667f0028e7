package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.InputStreamResource;

class CappedLineReaderTest {

    @Test
    void linesEndAtLineFeedCarriageReturnOrBoth() throws IOException {
        List<String> lines = readAll(new CappedLineReader(new StringReader("a\nb\r\nc\rd\n\ne"), 10));

        assertThat(lines).containsExactly("a", "b", "c", "d", "", "e");
    }

    @Test
    void aLineOverTheCapComesBackAsTheCapPlusOneCharacterAndTheNextLineIsIntact() throws IOException {
        String text = "x".repeat(10) + "\n" + "y".repeat(11) + "\r\n" + "z".repeat(50_000) + "\nafter\n";

        List<String> lines = readAll(new CappedLineReader(new StringReader(text), 10));

        assertThat(lines).containsExactly("x".repeat(10), "y".repeat(11), "z".repeat(11), "after");
    }

    @Test
    void aTwentyMegabyteLineIsStreamedPastUnderAOneKilobyteCap() throws IOException {
        long twentyMegabytes = 20L << 20;
        BufferedReader reader = new LineLengthCap(1024).readers().create(
                new InputStreamResource(new GeneratedLine(twentyMegabytes, "\nafter\n")), "UTF-8");

        String cut = reader.readLine();
        String after = reader.readLine();

        assertThat(cut).hasSize(1025).matches("A+");
        assertThat(after).isEqualTo("after");
        assertThat(reader.readLine()).isNull();
    }

    /**
     * No String or StringBuilder can hold more than {@link Integer#MAX_VALUE} characters, so
     * reading past such a line proves that it is never held whole, whatever the heap.
     */
    @Test
    void aLineLongerThanAnyStringCanHoldIsReadPast() throws IOException {
        long tooLongForAString = Integer.MAX_VALUE + 1024L;
        BufferedReader reader = new LineLengthCap(1024).readers().create(
                new InputStreamResource(new GeneratedLine(tooLongForAString, "\nafter")), "UTF-8");

        assertThat(reader.readLine()).hasSize(1025);
        assertThat(reader.readLine()).isEqualTo("after");
        assertThat(reader.readLine()).isNull();
    }

    private static List<String> readAll(BufferedReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    /** {@code length} bytes of 'A', then a tail; generated as it is read, never held. */
    private static final class GeneratedLine extends InputStream {

        private final long length;
        private final byte[] tail;
        private long position;

        GeneratedLine(long length, String tail) {
            this.length = length;
            this.tail = tail.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] target, int offset, int count) {
            if (position < length) {
                int n = (int) Math.min(count, length - position);
                Arrays.fill(target, offset, offset + n, (byte) 'A');
                position += n;
                return n;
            }
            int inTail = (int) (position - length);
            if (inTail >= tail.length) {
                return -1;
            }
            int n = Math.min(count, tail.length - inTail);
            System.arraycopy(tail, inTail, target, offset, n);
            position += n;
            return n;
        }
    }
}
