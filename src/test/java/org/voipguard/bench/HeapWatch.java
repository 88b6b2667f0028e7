package org.voipguard.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches the heap during one phase of a run: the highest heap use sampled every 20 ms; the
 * highest heap left after any garbage collection; the highest old generation kept by the
 * collections that clean it (the data the program keeps: flat when memory does not grow with
 * the input); and how long the collections took (they grow when the kept data leaves the
 * collector little room).
 *
 * <p>The heap after any collection is not the kept data. A young collection leaves the old
 * generation as it is, with the garbage gathered since the old generation was last cleaned,
 * and G1 lets that garbage grow as far as it expects the heap to allow. G1 cleans the old
 * generation in full collections, which leave exactly the kept data, and in a series of mixed
 * collections after each marking, each cleaning some of it: the old generation is smaller
 * after them than before, where a young collection only adds to it. So the kept data is the
 * old generation after a full collection, or at the end of a series of mixed ones (where the
 * next series starts higher); it still counts the few regions a series leaves because they
 * hold little garbage.
 */
final class HeapWatch implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 20;

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final String oldGeneration = oldGeneration();
    private final KeptData kept = new KeptData();
    private final AtomicLong gcMillis = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private final Thread sampler;
    private volatile boolean running = true;

    HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sampler = new Thread(this::sample, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The highest heap use seen, in bytes. */
    long peakUsed() {
        return Math.max(peakUsed.get(), peakAfterGc.get());
    }

    /** The highest heap use right after a collection, in bytes; 0 when no collection ran. */
    long peakAfterGc() {
        return peakAfterGc.get();
    }

    /**
     * The highest old generation kept by the collections that clean it, in bytes; 0 when none
     * ran during the phase (it kept too little for the collector to clean the old generation).
     */
    synchronized long peakKept() {
        return kept.peak();
    }

    /** The time the collections took, summed: pauses and concurrent cycles alike. */
    double gcSeconds() {
        return gcMillis.get() / 1000.0;
    }

    static long maxHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    private void sample() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (running) {
            peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long after = heapOnly(info.getGcInfo().getMemoryUsageAfterGc());
        long before = heapOnly(info.getGcInfo().getMemoryUsageBeforeGc());
        peakAfterGc.accumulateAndGet(after, Math::max);
        peakUsed.accumulateAndGet(before, Math::max);
        onOldGenerationCleaned("end of major GC".equals(info.getGcAction()),
                oldOnly(info.getGcInfo().getMemoryUsageBeforeGc()), oldOnly(info.getGcInfo().getMemoryUsageAfterGc()));
        gcMillis.addAndGet(info.getGcInfo().getDuration());
    }

    /** A young collection that only moves objects into the old generation cleans nothing there: it is passed over. */
    private synchronized void onOldGenerationCleaned(boolean full, long oldBefore, long oldAfter) {
        if (full) {
            kept.afterFullCollection(oldAfter);
        } else if (oldAfter < oldBefore) {
            kept.afterMixedCollection(oldAfter);
        }
    }

    /** The heap pool a collector keeps its long-lived objects in: G1's "G1 Old Gen", Parallel's "PS Old Gen", … */
    private static String oldGeneration() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().matches(".*(Old|Tenured).*"))
                .map(MemoryPoolMXBean::getName).findFirst().orElse("");
    }

    private long oldOnly(Map<String, MemoryUsage> usageByPool) {
        MemoryUsage usage = usageByPool.get(oldGeneration);
        return usage == null ? 0 : usage.getUsed();
    }

    private static long heapOnly(Map<String, MemoryUsage> usageByPool) {
        long used = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = usageByPool.get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && usage != null) {
                used += usage.getUsed();
            }
        }
        return used;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
