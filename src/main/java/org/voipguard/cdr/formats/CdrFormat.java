package org.voipguard.cdr.formats;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.voipguard.command.UsageException;

/** The CDR file formats {@code cdrs import --format} reads. */
public enum CdrFormat {
    /** VoIPGuard's own CSV, with its header row. */
    CSV("csv"),
    /** Asterisk cdr_csv's {@code Master.csv}: no header, 16 to 21 columns. */
    ASTERISK_CSV("asterisk-csv"),
    /** FreeSWITCH mod_cdr_csv with its {@code example} template: no header, 15 quoted columns. */
    FREESWITCH_CSV("freeswitch-csv"),
    /** Kamailio acc module syslog lines, INVITE and BYE joined on the Call-ID. */
    KAMAILIO_ACC("kamailio-acc");

    private final String option;

    CdrFormat(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    public boolean hasHeader() {
        return this == CSV;
    }

    /** A CSV dialect whose quoted cells may span lines; a log format has one record per line. */
    public boolean quotedCsv() {
        return this != KAMAILIO_ACC;
    }

    /** E.g. {@code csv, asterisk-csv, freeswitch-csv, kamailio-acc}. */
    public static String options() {
        return Arrays.stream(values()).map(CdrFormat::option).collect(Collectors.joining(", "));
    }

    /** The format named by {@code --format}; a job started before formats existed has none: the canonical CSV. */
    public static CdrFormat fromOption(String option) {
        if (option == null) {
            return CSV;
        }
        for (CdrFormat format : values()) {
            if (format.option.equals(option.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new UsageException("unknown --format " + option + " (use " + options() + ")");
    }
}
