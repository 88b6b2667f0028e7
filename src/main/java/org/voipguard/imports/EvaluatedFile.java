package org.voipguard.imports;

import java.util.List;

import org.voipguard.rules.RaisedAlert;

/**
 * What evaluating one input in memory found, without storing anything: a dry run's file or a
 * scenario's rows.
 *
 * @param lines      records read (non-blank lines after the header)
 * @param evaluated  records the rules saw
 * @param duplicates records seen earlier in the same run (same call id or event)
 * @param rejected   lines the import would reject, with the reason
 * @param alerts     the alerts the rules raised, in the order they were raised
 */
public record EvaluatedFile(String source, long lines, long evaluated, long duplicates,
        List<RejectedLines.Rejection> rejected, List<RaisedAlert> alerts) {

    public EvaluatedFile {
        rejected = List.copyOf(rejected);
        alerts = List.copyOf(alerts);
    }
}
