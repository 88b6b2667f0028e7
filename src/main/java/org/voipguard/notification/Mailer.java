package org.voipguard.notification;

import org.springframework.stereotype.Service;

/**
 * Composes the stored alerts into emails and delivers every pending email: what
 * {@code emails send} does, and what an import does before it exits.
 */
@Service
public class Mailer {

    private final EmailComposer composer;
    private final OutboxDelivery delivery;

    public Mailer(EmailComposer composer, OutboxDelivery delivery) {
        this.composer = composer;
        this.delivery = delivery;
    }

    public DeliveryReport sendPending() {
        composer.composePending();
        return delivery.deliverPending();
    }
}
