package org.voipguard.imports;

import java.nio.file.Path;

/** An import whose share of rejected records is past {@code voipguard.max-rejected-share}. */
public class TooManyRejectedLinesException extends RuntimeException {

    public TooManyRejectedLinesException(Path file, long rejected, long records, double maxShare) {
        super("%s: %d of %d records rejected (%.1f%%), more than the %.1f%% allowed by voipguard.max-rejected-share"
                .formatted(file.getFileName(), rejected, records, 100.0 * rejected / records, 100.0 * maxShare));
    }
}
