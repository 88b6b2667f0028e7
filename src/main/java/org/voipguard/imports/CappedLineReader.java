package org.voipguard.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A {@link BufferedReader} whose {@link #readLine()} never holds more than a cap: a line longer
 * than {@code maxLength} characters comes back as its first {@code maxLength + 1} characters
 * (so that its length tells it is too long) and the rest of it is read and dropped. A plain
 * {@link BufferedReader} builds the whole line first, and one line of 300 MB is enough to end
 * an import with an {@link OutOfMemoryError}. Lines end at {@code \n}, {@code \r} or
 * {@code \r\n}, as for {@link BufferedReader}. Only reading is supported, not mark and reset.
 */
public final class CappedLineReader extends BufferedReader {

    private static final int BUFFER_SIZE = 8192;

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[BUFFER_SIZE];
    private int next;
    private int end;
    private boolean afterCarriageReturn;

    public CappedLineReader(Reader in, int maxLength) {
        super(in, 1);
        if (maxLength < 1) {
            throw new IllegalArgumentException("the line length cap must be at least 1, not " + maxLength);
        }
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line without its end, cut to {@code maxLength + 1} characters; null at the end of the input. */
    @Override
    public String readLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (next == end && !fill()) {
                return line == null ? null : line.toString();
            }
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (buffer[next] == '\n') {
                    next++;
                    continue;
                }
            }
            int start = next;
            while (next < end && buffer[next] != '\n' && buffer[next] != '\r') {
                next++;
            }
            boolean ended = next < end;
            if (line == null && ended && next - start <= maxLength) {
                return finish(new String(buffer, start, next - start));
            }
            if (line == null) {
                line = new StringBuilder(Math.min(maxLength + 1, 2 * BUFFER_SIZE));
            }
            line.append(buffer, start, Math.min(next - start, Math.max(0, maxLength + 1 - line.length())));
            if (ended) {
                return finish(line.toString());
            }
        }
    }

    /** Steps over the line end just found. */
    private String finish(String line) {
        afterCarriageReturn = buffer[next] == '\r';
        next++;
        return line;
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        next = 0;
        end = Math.max(read, 0);
        return read > 0;
    }

    @Override
    public int read() throws IOException {
        if (!available()) {
            return -1;
        }
        return buffer[next++];
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!available()) {
            return -1;
        }
        int count = Math.min(length, end - next);
        System.arraycopy(buffer, next, target, offset, count);
        next += count;
        return count;
    }

    @Override
    public long skip(long count) throws IOException {
        long skipped = 0;
        while (skipped < count && available()) {
            int step = (int) Math.min(count - skipped, end - next);
            next += step;
            skipped += step;
        }
        return skipped;
    }

    /** True when a character is in the buffer, past the line feed of a CR LF that readLine ended at. */
    private boolean available() throws IOException {
        if (next == end && !fill()) {
            return false;
        }
        if (afterCarriageReturn) {
            afterCarriageReturn = false;
            if (buffer[next] == '\n') {
                next++;
                return available();
            }
        }
        return true;
    }

    @Override
    public boolean ready() throws IOException {
        return next < end || in.ready();
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readAheadLimit) throws IOException {
        throw new IOException("mark is not supported");
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("reset is not supported");
    }
}
