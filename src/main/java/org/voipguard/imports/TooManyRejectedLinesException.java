package org.voipguard.imports;

import java.nio.file.Path;

/** An import whose share of bad lines is past {@code voipguard.max-rejected-share}. */
public class TooManyRejectedLinesException extends RuntimeException {

    public TooManyRejectedLinesException(Path file, long rejected, long lines, double maxShare) {
        super("%s: %d of %d lines rejected (%.1f%%), more than the %.1f%% allowed by voipguard.max-rejected-share"
                .formatted(file.getFileName(), rejected, lines, 100.0 * rejected / lines, 100.0 * maxShare));
    }
}
