package org.voipguard.billing;

/** Where a dialled number goes, for the price limits of P1. */
public enum CallClass {
    NATIONAL,
    INTERNATIONAL
}
