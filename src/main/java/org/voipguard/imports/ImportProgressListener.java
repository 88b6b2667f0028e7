package org.voipguard.imports;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/** Logs progress of long imports to standard error, at most every ten seconds. */
public class ImportProgressListener implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ImportProgressListener.class);
    private static final long INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    private final String what;
    private StepExecution stepExecution;
    private long lastReport;

    public ImportProgressListener(String what) {
        this.what = what;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
        this.lastReport = System.nanoTime();
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        long now = System.nanoTime();
        if (stepExecution != null && now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            log.info("{}: {} lines read so far", what, stepExecution.getReadCount());
        }
    }
}
