package org.voipguard.registration;

import java.util.Locale;

import org.voipguard.command.UsageException;

/** The registration log formats VoIPGuard reads. */
public enum LogFormat {
    /** The canonical CSV with a header row. */
    CSV("csv"),
    /** Asterisk's security log (res_security_log), no header. */
    ASTERISK_SECURITY("asterisk-security");

    private final String option;

    LogFormat(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    public boolean hasHeader() {
        return this == CSV;
    }

    public static LogFormat fromOption(String option) {
        for (LogFormat format : values()) {
            if (format.option.equals(option.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new UsageException("unknown --format " + option + " (use csv or asterisk-security)");
    }
}
