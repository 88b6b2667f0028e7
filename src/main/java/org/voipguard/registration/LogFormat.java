package org.voipguard.registration;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.voipguard.command.UsageException;

/** The registration log formats VoIPGuard reads. */
public enum LogFormat {
    /** The canonical CSV with a header row. */
    CSV("csv"),
    /** Asterisk's security log (res_security_log), no header. */
    ASTERISK_SECURITY("asterisk-security"),
    /** Asterisk's {@code messages} or {@code full} log: its failed registrations, no header. */
    ASTERISK_LOG("asterisk-log"),
    /** The {@code VOIPGUARD-REGISTER} lines of the shipped Kamailio configuration, no header. */
    KAMAILIO("kamailio");

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

    /** Every format's option, for messages: {@code csv, asterisk-security, asterisk-log, kamailio}. */
    public static String options() {
        return Arrays.stream(values()).map(LogFormat::option).collect(Collectors.joining(", "));
    }

    public static LogFormat fromOption(String option) {
        for (LogFormat format : values()) {
            if (format.option.equals(option.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new UsageException("unknown --format " + option + " (use one of " + options() + ")");
    }
}
