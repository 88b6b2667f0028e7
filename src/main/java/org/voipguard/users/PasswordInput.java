package org.voipguard.users;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a new password from standard input, never from an argument (where {@code ps} and the
 * shell's history would show it). At a terminal it asks twice without echo; from a pipe it takes
 * the first line.
 */
final class PasswordInput {

    private static final int MAX_LINE_BYTES = 1024;

    private PasswordInput() {
    }

    static char[] read(String name) {
        Console console = System.console();
        return console != null ? fromTerminal(console, name) : firstLine(System.in)
                .orElseThrow(() -> new IllegalArgumentException("no password on standard input: pipe it in, e.g."
                        + " 'users add " + name + " --role operator < file-holding-the-password'"));
    }

    private static char[] fromTerminal(Console console, String name) {
        char[] first = console.readPassword("Password for %s: ", name);
        char[] again = console.readPassword("The same password again: ");
        if (first == null || again == null || !Arrays.equals(first, again)) {
            throw new IllegalArgumentException("the two passwords differ; nothing was changed");
        }
        Arrays.fill(again, ' ');
        return first;
    }

    /** The first line without its line end; empty when the input has none. */
    static Optional<char[]> firstLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b = in.read();
            if (b < 0) {
                return Optional.empty();
            }
            while (b >= 0 && b != '\n') {
                if (line.size() >= MAX_LINE_BYTES) {
                    throw new IllegalArgumentException("the password line is longer than " + MAX_LINE_BYTES + " bytes");
                }
                line.write(b);
                b = in.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from standard input", e);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, length));
        Arrays.fill(bytes, (byte) 0);
        char[] password = new char[chars.remaining()];
        chars.get(password);
        return Optional.of(password);
    }
}
