package org.voipguard.rules;

import java.util.Map;

/**
 * What a rule produced: an alert of a type about a number, with the rule's name and the
 * version of the rule set that contained it.
 */
public record RaisedAlert(
        String type,
        String number,
        String key,
        String ruleName,
        String ruleSetVersion,
        Map<String, String> facts) {
}
