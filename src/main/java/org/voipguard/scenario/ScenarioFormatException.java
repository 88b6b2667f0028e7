package org.voipguard.scenario;

import java.nio.file.Path;

/** A scenario file an analyst must fix, with the file and line at fault. */
public class ScenarioFormatException extends RuntimeException {

    public ScenarioFormatException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }

    public ScenarioFormatException(Path file, int line, String message, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
    }
}
