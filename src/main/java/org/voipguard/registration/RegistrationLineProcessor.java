package org.voipguard.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.voipguard.registration.asterisk.AsteriskSecurityLogParser;

/**
 * Parses one log line in the file's format. A bad line becomes a rejection; a valid line that
 * is not a registration (another Asterisk event) is filtered out and counted as skipped.
 */
public class RegistrationLineProcessor implements ItemProcessor<RegistrationLine, RegistrationLineOutcome> {

    private final LogFormat format;
    private final RegistrationCsvLineParser csv = new RegistrationCsvLineParser();
    private final AsteriskSecurityLogParser asterisk = new AsteriskSecurityLogParser();

    public RegistrationLineProcessor(LogFormat format) {
        this.format = format;
    }

    @Override
    public RegistrationLineOutcome process(RegistrationLine line) {
        if (line.text().isBlank()) {
            return null;
        }
        ParsedRegistrationLine parsed = format == LogFormat.CSV ? csv.parse(line.text()) : asterisk.parse(line.text());
        if (parsed instanceof ParsedRegistrationLine.Parsed p) {
            return new RegistrationLineOutcome.Registration(line.lineNumber(), p.record(), eventKey(p.record()));
        }
        if (parsed instanceof ParsedRegistrationLine.Rejected r) {
            return new RegistrationLineOutcome.Rejected(line.lineNumber(), r.field(), r.reason(), line.text());
        }
        return null;
    }

    /** The same REGISTER logged twice (the same file imported again) has the same key. */
    static String eventKey(RegistrationRecord r) {
        String identity = String.join("\u0000", r.time().toString(), r.number(), r.sourceIp(),
                String.valueOf(r.sourcePort()), String.valueOf(r.transport()), String.valueOf(r.userAgent()),
                r.authResult().name(), String.valueOf(r.expiresS()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
