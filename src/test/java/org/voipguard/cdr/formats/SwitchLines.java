package org.voipguard.cdr.formats;

import java.time.ZoneId;

import org.voipguard.imports.PlausibleTimes;

/** Parsers of the switch formats with the default settings, for the tests. */
final class SwitchLines {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private SwitchLines() {
    }

    static CdrFormatParsers parsers() {
        return parsers(CdrFormatSettings.defaults());
    }

    static CdrFormatParsers parsers(CdrFormatSettings settings) {
        return parsers(settings, "GB");
    }

    static CdrFormatParsers parsers(CdrFormatSettings settings, String defaultCountry) {
        return new CdrFormatParsers(settings, defaultCountry, LONDON, PlausibleTimes.any());
    }
}
