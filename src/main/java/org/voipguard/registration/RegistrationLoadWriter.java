package org.voipguard.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.voipguard.imports.NumberPartition;
import org.voipguard.imports.RecordCounts;
import org.voipguard.imports.RejectedLines;

/**
 * Stores a chunk of parsed registration lines (new events only) and its rejected lines, and
 * counts what became of every record: imported, duplicate, skipped by kind.
 */
class RegistrationLoadWriter implements ItemWriter<RegistrationLineOutcome>, ItemStream {

    /** The load step, which runs the log's parts. */
    static final String STEP = "loadRegistrations";
    /** The step each part of the log's lines runs, through this writer. */
    static final String PART_STEP = NumberPartition.partStepOf(STEP);

    private final RegistrationEventStore events;
    private final RejectedLines rejects;
    private final long importId;
    private final String source;
    private RecordCounts counts = RecordCounts.NONE;

    RegistrationLoadWriter(RegistrationEventStore events, RejectedLines rejects, long importId, String source) {
        this.events = events;
        this.rejects = rejects;
        this.importId = importId;
        this.source = source;
    }

    @Override
    public void write(Chunk<? extends RegistrationLineOutcome> chunk) {
        List<RegistrationEventStore.NewEvent> registrations = new ArrayList<>();
        List<RegistrationEventStore.NewEvent> notNumbers = new ArrayList<>();
        List<RejectedLines.Rejection> rejected = new ArrayList<>();
        Map<String, Long> skipped = new TreeMap<>();
        for (RegistrationLineOutcome outcome : chunk) {
            if (outcome instanceof RegistrationLineOutcome.Registration r) {
                registrations.add(new RegistrationEventStore.NewEvent(r.record(), r.eventKey()));
            } else if (outcome instanceof RegistrationLineOutcome.NotANumber n) {
                notNumbers.add(new RegistrationEventStore.NewEvent(n.record(), n.eventKey()));
                skipped.merge(n.kind(), 1L, Long::sum);
            } else if (outcome instanceof RegistrationLineOutcome.Rejected r) {
                rejected.add(new RejectedLines.Rejection(r.lineNumber(), r.field(), r.reason(), r.rawLine()));
            } else if (outcome instanceof RegistrationLineOutcome.Skipped s) {
                skipped.merge(s.kind(), 1L, Long::sum);
            }
        }
        rejects.store(importId, source, rejected);
        int imported = events.insertNew(registrations, importId);
        // skipped as before (no customer's registration), but kept for the address checks
        events.insertNew(notNumbers, importId);
        counts = counts.plus(imported, registrations.size() - imported, 0).skipping(skipped);
    }

    @Override
    public void open(ExecutionContext context) {
        counts = RecordCounts.from(context);
    }

    @Override
    public void update(ExecutionContext context) {
        counts.saveTo(context);
    }
}
