package org.voipguard.billing;


import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;

/**
 * The price list in {@code voipguard.tariff-file}: pence per minute by E.164 prefix and time band.
 * The file is read on first use and kept for the life of the process; a bad file is a
 * configuration error ({@link org.voipguard.command.UsageException}) naming the line and field.
 */
@Component
public class Tariff {

    private final Path file;
    private final ZoneId zone;
    private volatile TariffTable table;

    @Autowired
    public Tariff(VoipGuardProperties properties) {
        this(properties.tariffFile(), properties.timeZone());
    }

    public Tariff(Path file, ZoneId zone) {
        this.file = file;
        this.zone = zone;
    }

    /** Reads the file now if not yet read, so a bad tariff stops a run before its first record. */
    public void ensureLoaded() {
        table();
    }

    /** The entry with the longest prefix matching the number ({@code +44…} or bare digits). */
    public Optional<TariffEntry> entryFor(String e164) {
        return table().longestMatch(e164.startsWith("+") ? e164.substring(1) : e164);
    }

    /** The price per minute of a call to the number starting at {@code start}, if the tariff has one. */
    public Optional<BigDecimal> pricePpm(String e164, OffsetDateTime start) {
        TariffPeriod period = periodAt(start);
        return entryFor(e164).map(entry -> entry.pricePpm(period));
    }

    public TariffPeriod periodAt(OffsetDateTime start) {
        return TariffPeriod.at(start, zone);
    }

    private TariffTable table() {
        TariffTable loaded = table;
        if (loaded == null) {
            synchronized (this) {
                loaded = table;
                if (loaded == null) {
                    loaded = TariffTable.load(file);
                    table = loaded;
                }
            }
        }
        return loaded;
    }
}
