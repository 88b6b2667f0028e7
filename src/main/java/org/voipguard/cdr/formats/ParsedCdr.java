package org.voipguard.cdr.formats;

import org.voipguard.cdr.CdrRecord;

/** What a format makes of one good line: a call, or a line that is not a call of its own. */
public sealed interface ParsedCdr {

    record Call(CdrRecord record) implements ParsedCdr {
    }

    /** A good line that is no call to store (a Kamailio INVITE waiting for its BYE, an ACK), counted by its kind. */
    record Skipped(String what) implements ParsedCdr {
    }
}
