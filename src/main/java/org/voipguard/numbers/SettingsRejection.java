package org.voipguard.numbers;

/** A settings row refused on import: its line in the file, the field at fault and why. */
public record SettingsRejection(long line, String field, String reason, String raw) {

    /** {@code line N, field F: reason}. */
    public String describe() {
        return "line " + line + ", field " + field + ": " + reason;
    }
}
