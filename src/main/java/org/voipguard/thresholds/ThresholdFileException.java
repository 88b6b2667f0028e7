package org.voipguard.thresholds;

/** The thresholds file cannot be used as written; the message names the file, line and field. */
public class ThresholdFileException extends RuntimeException {

    private final String file;
    private final long line;
    private final String problem;

    /** A problem of a line ({@code line} counts from 1), or of the whole file when {@code line} is 0. */
    ThresholdFileException(String file, long line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + (problem.startsWith("field ") ? ", " : ": ") + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** The line of the file (from 1), or 0 for the whole file. */
    public long line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
