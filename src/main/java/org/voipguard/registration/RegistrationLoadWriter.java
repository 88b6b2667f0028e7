package org.voipguard.registration;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.voipguard.imports.RejectedLines;

/** Stores a chunk of parsed registration lines (new events only) and its rejected lines. */
public class RegistrationLoadWriter implements ItemWriter<RegistrationLineOutcome> {

    private final RegistrationEventStore events;
    private final RejectedLines rejects;
    private final long importId;
    private final String source;

    public RegistrationLoadWriter(RegistrationEventStore events, RejectedLines rejects, long importId, String source) {
        this.events = events;
        this.rejects = rejects;
        this.importId = importId;
        this.source = source;
    }

    @Override
    public void write(Chunk<? extends RegistrationLineOutcome> chunk) {
        List<RegistrationLineOutcome.Registration> registrations = new ArrayList<>();
        List<RejectedLines.Rejection> rejected = new ArrayList<>();
        for (RegistrationLineOutcome outcome : chunk) {
            if (outcome instanceof RegistrationLineOutcome.Registration r) {
                registrations.add(r);
            } else if (outcome instanceof RegistrationLineOutcome.Rejected r) {
                rejected.add(new RejectedLines.Rejection(r.lineNumber(), r.field(), r.reason(), r.rawLine()));
            }
        }
        rejects.store(importId, source, rejected);
        events.insertNew(registrations, importId);
    }
}
