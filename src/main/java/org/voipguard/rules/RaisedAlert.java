package org.voipguard.rules;

import java.util.Map;
import java.util.stream.Collectors;

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

    private static final int LONGEST_SHOWN_FACT = 80;

    /**
     * One line for a terminal: type, number, rule and key facts. Facts can hold network text
     * (a User-Agent), so control and invisible characters are dropped and long values cut.
     */
    public String describe() {
        String shownFacts = facts.entrySet().stream()
                .map(e -> e.getKey() + "=" + printable(e.getValue()))
                .collect(Collectors.joining(", "));
        return "%s %s (rule \"%s\")%s".formatted(type, number, printable(ruleName),
                shownFacts.isEmpty() ? "" : ": " + shownFacts);
    }

    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c)) {
                shown.append(' ');
            } else if (Character.getType(c) != Character.CONTROL && Character.getType(c) != Character.FORMAT) {
                shown.appendCodePoint(c);
            }
        });
        String folded = shown.toString().replaceAll(" +", " ").strip();
        if (folded.codePointCount(0, folded.length()) <= LONGEST_SHOWN_FACT) {
            return folded;
        }
        return folded.substring(0, folded.offsetByCodePoints(0, LONGEST_SHOWN_FACT - 3)) + "...";
    }
}
