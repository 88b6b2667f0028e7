package org.voipguard.cdr.formats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.voipguard.cdr.CdrLineParser;
import org.voipguard.cdr.InvalidCdrException;
import org.voipguard.imports.LineLengthCap;
import org.voipguard.text.UntrustedText;

/**
 * Tells a CDR file's format from its first line that is not blank: the canonical header, an
 * acc line of Kamailio, or a record of Asterisk's or FreeSWITCH's {@code Master.csv}; a syslog
 * file is Kamailio's when an acc line comes within its first 20 lines. A file that is none of
 * them is refused, with what its first line looked like.
 */
public final class CdrFormatDetector {

    private static final int SHOWN = 80;
    /** A syslog file may start with other lines of the switch before its first acc line. */
    private static final int LOG_LINES_LOOKED_AT = 20;
    private static final Pattern KAMAILIO = Pattern.compile(".*ACC: [a-z ]+: .*call_id=.*");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> DISPOSITIONS = AsteriskCsvParser.DISPOSITIONS.keySet();

    private CdrFormatDetector() {
    }

    /** The file's format; empty when no format reads it, or the file is empty (nothing to read). */
    public static Detection detect(Path file, LineLengthCap cap) {
        try (BufferedReader reader = cap.reader(file)) {
            String first = null;
            int read = 0;
            for (String line = reader.readLine(); line != null && read < LOG_LINES_LOOKED_AT; line = reader.readLine()) {
                String text = line.replace("\uFEFF", "");
                if (text.isBlank()) {
                    continue;
                }
                read++;
                if (first == null) {
                    first = text;
                    Optional<CdrFormat> format = of(text);
                    if (format.isPresent()) {
                        return new Detection(format, text);
                    }
                } else if (KAMAILIO.matcher(text).matches()) {
                    return new Detection(Optional.of(CdrFormat.KAMAILIO_ACC), first);
                }
            }
            return new Detection(first == null ? Optional.of(CdrFormat.CSV) : Optional.empty(), first == null ? "" : first);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** What the first line said. */
    public record Detection(Optional<CdrFormat> format, String firstLine) {

        /** Why the file is refused: the formats known, and the first line escaped and cut. */
        public String refusal() {
            String cut = firstLine.length() > SHOWN ? firstLine.substring(0, SHOWN) + "…" : firstLine;
            return "not a CDR file: the first line must be the header " + String.join(",", CdrLineParser.HEADER)
                    + " (csv) or a record of " + CdrFormat.ASTERISK_CSV.option() + ", "
                    + CdrFormat.FREESWITCH_CSV.option() + " or " + CdrFormat.KAMAILIO_ACC.option()
                    + ", not \"" + UntrustedText.escape(cut) + "\"";
        }
    }

    static Optional<CdrFormat> of(String line) {
        if (CdrLineParser.isHeader(line)) {
            return Optional.of(CdrFormat.CSV);
        }
        if (KAMAILIO.matcher(line).matches()) {
            return Optional.of(CdrFormat.KAMAILIO_ACC);
        }
        List<String> cells;
        try {
            cells = SwitchFields.cells(line);
        } catch (InvalidCdrException e) {
            return Optional.empty();
        }
        if (cells.size() == FreeswitchCsvParser.COLUMNS && SwitchFields.isLocalTime(cells.get(4))
                && UUID.matcher(cells.get(10)).matches()) {
            return Optional.of(CdrFormat.FREESWITCH_CSV);
        }
        if (AsteriskCsvParser.Layout.of(cells.size()) != null && SwitchFields.isLocalTime(cells.get(9))
                && DISPOSITIONS.contains(cells.get(14))) {
            return Optional.of(CdrFormat.ASTERISK_CSV);
        }
        return Optional.empty();
    }
}
