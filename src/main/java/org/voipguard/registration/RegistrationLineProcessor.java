package org.voipguard.registration;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.voipguard.imports.NumberPartition;
import org.voipguard.text.Sha256;

/**
 * Parses one log line in the file's format. A bad line becomes a rejection; a valid line that
 * is not a registration (another Asterisk event) is skipped, and counted by its kind. A blank
 * line is no record at all. In a load run in parts ({@link NumberPartition}) a line of another
 * part is passed over: a registration belongs to the part of its number, a failure of a user that
 * is no number to the part of its address, any other line to a part by its line number.
 */
public class RegistrationLineProcessor implements ItemProcessor<RegistrationLine, RegistrationLineOutcome> {

    /** E.g. {@code 20261102T101504Z}: sorts as the times do. */
    private static final DateTimeFormatter KEY_SECOND = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 10, SignStyle.NORMAL)
            .appendPattern("MMdd'T'HHmmss'Z'")
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private final RegistrationLineParser parser;
    private final NumberPartition part;

    public RegistrationLineProcessor(RegistrationLineParser parser) {
        this(parser, NumberPartition.WHOLE);
    }

    public RegistrationLineProcessor(RegistrationLineParser parser, NumberPartition part) {
        this.parser = parser;
        this.part = part;
    }

    /** A line of another part is passed over before its key is hashed: every part reads every line. */
    @Override
    public RegistrationLineOutcome process(RegistrationLine line) {
        if (line.tooLong() != null) {
            return part.ownsLine(line.lineNumber())
                    ? new RegistrationLineOutcome.Rejected(line.lineNumber(), "line", line.tooLong(), line.text())
                    : null;
        }
        if (line.text().isBlank()) {
            return null;
        }
        ParsedRegistrationLine parsed = parser.parse(line.text());
        if (parsed instanceof ParsedRegistrationLine.Parsed p) {
            return part.ownsNumber(p.record().number())
                    ? new RegistrationLineOutcome.Registration(line.lineNumber(), p.record(), eventKey(p.record()))
                    : null;
        }
        if (parsed instanceof ParsedRegistrationLine.NotANumber n) {
            return part.ownsAddress(n.record().sourceIp())
                    ? new RegistrationLineOutcome.NotANumber(line.lineNumber(), n.record(), eventKey(n), n.kind())
                    : null;
        }
        if (!part.ownsLine(line.lineNumber())) {
            return null;
        }
        if (parsed instanceof ParsedRegistrationLine.Rejected r) {
            return new RegistrationLineOutcome.Rejected(line.lineNumber(), r.field(), r.reason(), line.text());
        }
        return new RegistrationLineOutcome.Skipped(line.lineNumber(), ((ParsedRegistrationLine.Skipped) parsed).what());
    }

    /**
     * The same REGISTER logged twice (the same file imported again) has the same key: its second
     * in UTC, a dash and a hash of all its fields, e.g. {@code 20261102T101504Z-3f9a…}. The time
     * comes first so that a time-ordered log adds its keys at the end of the unique index, which
     * H2 writes far faster than keys spread all over it. Migration V9 rewrote the keys stored
     * before in the same form.
     */
    static String eventKey(RegistrationRecord r) {
        return KEY_SECOND.format(r.time()) + "-" + fieldsHash(r);
    }

    /** The same for a failure of a user that is no number, whose user name is hashed with the fields. */
    private static String eventKey(ParsedRegistrationLine.NotANumber n) {
        return KEY_SECOND.format(n.record().time()) + "-"
                + Sha256.hex(n.user() + "\u0000" + fieldsHash(n.record())).substring(0, 40);
    }

    private static String fieldsHash(RegistrationRecord r) {
        String identity = String.join("\u0000", r.time().toString(), r.number(), r.sourceIp(),
                String.valueOf(r.sourcePort()), String.valueOf(r.transport()), String.valueOf(r.userAgent()),
                r.authResult().name(), String.valueOf(r.expiresS()));
        return Sha256.hex(identity).substring(0, 40);
    }
}
