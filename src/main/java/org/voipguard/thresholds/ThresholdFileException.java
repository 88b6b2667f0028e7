package org.voipguard.thresholds;

/** The thresholds file cannot be used as written; the message names the file, line and field. */
public class ThresholdFileException extends RuntimeException {

    public ThresholdFileException(String message) {
        super(message);
    }
}
