package org.voipguard.imports;

/** The job parameters of a file import: the file identifies the job instance, with its content hash. */
public final class ImportJobParameters {

    public static final String FILE = "file";
    public static final String SHA256 = "sha256";
    public static final String FORMAT = "format";
    /** {@code true} for a {@code --baseline} import: learn and store, raise nothing. */
    public static final String BASELINE = "baseline";

    /** SpEL for step-scoped beans: the id that ties every row an import wrote to that import. */
    public static final String IMPORT_ID = "#{stepExecution.jobExecution.jobInstanceId}";
    public static final String FILE_VALUE = "#{jobParameters['file']}";
    public static final String FORMAT_VALUE = "#{jobParameters['format']}";
    /** True in a {@code --baseline} import; false in every other, and in jobs started before the option existed. */
    public static final String BASELINE_VALUE = "#{jobParameters['baseline'] == 'true'}";

    private ImportJobParameters() {
    }
}
