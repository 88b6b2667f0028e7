package org.voipguard.rules;

import java.util.List;

/** Where the alerts of an import go: stored for emailing, or only shown in a dry run. */
@FunctionalInterface
public interface AlertSink {

    void accept(List<RaisedAlert> alerts, long importId);
}
