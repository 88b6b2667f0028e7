package org.voipguard.imports;

import java.util.List;

import org.voipguard.rules.RaisedAlert;

/**
 * What evaluating one input in memory found, without storing anything: a dry run's file or a
 * scenario's rows.
 *
 * @param records    records read (a quoted cell over several lines is one record)
 * @param evaluated  new records the rules saw
 * @param duplicates records stored before or seen earlier in the same run (same call id or event)
 * @param skipped    good records that are not what the import stores (e.g. other Asterisk events)
 * @param rejected   lines the import would reject, with the reason
 * @param alerts     the alerts the rules raised, in the order they were raised
 */
public record EvaluatedFile(String source, long records, long evaluated, long duplicates, long skipped,
        List<RejectedLines.Rejection> rejected, List<RaisedAlert> alerts) {

    public EvaluatedFile {
        rejected = List.copyOf(rejected);
        alerts = List.copyOf(alerts);
    }
}
