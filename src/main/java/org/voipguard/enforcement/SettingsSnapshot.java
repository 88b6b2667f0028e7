package org.voipguard.enforcement;

import java.util.Map;

import org.voipguard.numbers.NumberSettings;

/** Every stored number's effective settings as of one settings stamp. */
record SettingsSnapshot(long version, Map<String, NumberSettings> byNumber) {

    SettingsSnapshot {
        byNumber = Map.copyOf(byNumber);
    }
}
