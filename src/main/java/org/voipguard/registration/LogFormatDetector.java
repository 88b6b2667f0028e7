package org.voipguard.registration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

import org.voipguard.imports.LineLengthCap;
import org.voipguard.registration.asterisk.AsteriskLogParser;
import org.voipguard.registration.kamailio.KamailioRegisterLogParser;
import org.voipguard.text.UntrustedText;

/**
 * Recognises a registration log's format from its first lines, for an import without
 * {@code --format}: the CSV by its header on the first line; otherwise, among the first
 * {@value #LINES_LOOKED_AT} lines that are not blank, a {@code VOIPGUARD-REGISTER} line makes it
 * {@code kamailio}, an Asterisk logger line that is not a security event {@code asterisk-log}
 * (a {@code messages} file may hold security events too), and security events alone
 * {@code asterisk-security}. A file of blank lines imports nothing in any format.
 */
public final class LogFormatDetector {

    static final int LINES_LOOKED_AT = 100;
    private static final int FIRST_LINE_SHOWN = 80;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private LogFormatDetector() {
    }

    /** Why a file is refused: names the formats and shows its first line, escaped and cut. */
    public static final class UnrecognisedLogException extends RuntimeException {

        UnrecognisedLogException(String firstLine) {
            super("not a registration log VoIPGuard recognises (" + LogFormat.options()
                    + "; name one with --format): its first line is " + shown(firstLine), null, false, false);
        }

        private static String shown(String line) {
            if (line == null) {
                return "empty";
            }
            String cut = line.length() > FIRST_LINE_SHOWN ? line.substring(0, FIRST_LINE_SHOWN) + "..." : line;
            return "'" + UntrustedText.escape(cut) + "'";
        }
    }

    /** @throws UnrecognisedLogException when no format recognises the file */
    public static LogFormat detect(Path file, LineLengthCap cap) {
        try (BufferedReader reader = cap.reader(file)) {
            String first = reader.readLine();
            if (first == null) {
                return LogFormat.ASTERISK_LOG;
            }
            String header = !first.isEmpty() && first.charAt(0) == BYTE_ORDER_MARK ? first.substring(1) : first;
            if (header.strip().equals(RegistrationCsvLineParser.HEADER)) {
                return LogFormat.CSV;
            }
            return fromLines(reader, header).orElseThrow(() -> new UnrecognisedLogException(first));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + UntrustedText.escape(file), e);
        }
    }

    private static Optional<LogFormat> fromLines(BufferedReader reader, String first) throws IOException {
        boolean asteriskLog = false;
        boolean securityEvents = false;
        boolean anyLine = false;
        String line = first;
        for (int looked = 0; line != null && looked < LINES_LOOKED_AT; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            looked++;
            anyLine = true;
            if (KamailioRegisterLogParser.isMarked(line)) {
                return Optional.of(LogFormat.KAMAILIO);
            }
            if (line.contains("SecurityEvent=\"")) {
                securityEvents = true;
            } else if (AsteriskLogParser.looksLikeAsteriskLog(line)) {
                asteriskLog = true;
            }
        }
        if (!anyLine || asteriskLog) {
            return Optional.of(LogFormat.ASTERISK_LOG);
        }
        return securityEvents ? Optional.of(LogFormat.ASTERISK_SECURITY) : Optional.empty();
    }
}
