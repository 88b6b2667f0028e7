package org.voipguard.imports;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Logs progress of long imports to standard error, at most every ten seconds, naming the part
 * when the step runs in parts side by side.
 */
public class ImportProgressListener implements ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ImportProgressListener.class);
    private static final long INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    private final String what;
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime());

    public ImportProgressListener(String what) {
        this.what = what;
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        long now = System.nanoTime();
        long last = lastReport.get();
        StepContext context = StepSynchronizationManager.getContext();
        if (context != null && now - last >= INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
            StepExecution step = context.getStepExecution();
            int part = step.getStepName().indexOf(':');
            log.info("{}{}: {} lines read so far", what, part < 0 ? "" : " " + step.getStepName().substring(part + 1),
                    step.getReadCount());
        }
    }
}
