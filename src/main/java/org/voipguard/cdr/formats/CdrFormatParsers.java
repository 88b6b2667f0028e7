package org.voipguard.cdr.formats;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.voipguard.cdr.CdrLineParser;
import org.voipguard.imports.PlausibleTimes;

/** Makes the parser of one file in its format, with the operator's settings. */
public final class CdrFormatParsers {

    private final CdrFormatSettings settings;
    private final ZoneId timeZone;
    private final PlausibleTimes plausibleTimes;
    private final SwitchNumbers numbers;

    /**
     * @param timeZone the switches' local time ({@code voipguard.time-zone}); Asterisk's is UTC
     *                 when its settings say {@code usegmtime}
     */
    public CdrFormatParsers(CdrFormatSettings settings, String defaultCountry, ZoneId timeZone,
            PlausibleTimes plausibleTimes) {
        this.settings = settings;
        this.timeZone = timeZone;
        this.plausibleTimes = plausibleTimes;
        this.numbers = new SwitchNumbers(defaultCountry);
    }

    /** @param openCalls where Kamailio's answered INVITEs wait for their BYE; unused by the other formats */
    public CdrFormatParser parser(CdrFormat format, OpenCalls openCalls) {
        return switch (format) {
            case CSV -> {
                CdrLineParser canonical = new CdrLineParser(plausibleTimes);
                yield line -> new ParsedCdr.Call(canonical.parse(line));
            }
            case ASTERISK_CSV -> new AsteriskCsvParser(settings.asterisk().customerField(), numbers,
                    new SwitchFields(settings.asterisk().usegmtime() ? ZoneOffset.UTC : timeZone, plausibleTimes));
            case FREESWITCH_CSV -> new FreeswitchCsvParser(settings.freeswitch().customerField(), numbers,
                    new SwitchFields(timeZone, plausibleTimes));
            case KAMAILIO_ACC -> new KamailioAccParser(numbers, new SwitchFields(timeZone, plausibleTimes), openCalls);
        };
    }
}
