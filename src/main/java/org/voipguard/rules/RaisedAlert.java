package org.voipguard.rules;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a rule produced: an alert of a type about a number (or, with no number, about an
 * address), with the rule's name, the version of the rule set that contained it, and the fact
 * it was raised about. The policies remember what an alert warned about from that fact, never
 * from the type an analyst chose.
 *
 * @param subject the fact the rule raised the alert about; {@code null} for an alert read back from the database
 * @param address the source address the alert is about or came from; {@code null} when none
 */
public record RaisedAlert(
        String type,
        String number,
        String key,
        String ruleName,
        String ruleSetVersion,
        Map<String, String> facts,
        AlertSubject subject,
        String address) {

    public RaisedAlert(String type, String number, String key, String ruleName, String ruleSetVersion,
            Map<String, String> facts) {
        this(type, number, key, ruleName, ruleSetVersion, facts, null, null);
    }

    public RaisedAlert(String type, String number, String key, String ruleName, String ruleSetVersion,
            Map<String, String> facts, AlertSubject subject) {
        this(type, number, key, ruleName, ruleSetVersion, facts, subject, subject == null ? null : subject.getAddress());
    }

    /** An alert about an address, for the operators, rather than about a number. */
    public boolean isAboutAddress() {
        return number == null && address != null;
    }

    /** The facts these alerts were raised about, compared by identity: two equal facts are two events. */
    public static Set<Object> subjectsOf(Collection<RaisedAlert> alerts) {
        Set<Object> subjects = Collections.newSetFromMap(new IdentityHashMap<>());
        alerts.forEach(alert -> subjects.add(alert.subject()));
        return subjects;
    }

    private static final int LONGEST_SHOWN_FACT = 80;

    /**
     * One line for a terminal: type, number, rule and key facts. Facts can hold network text
     * (a User-Agent), so control and invisible characters are dropped and long values cut.
     */
    public String describe() {
        String shownFacts = facts.entrySet().stream()
                .map(e -> e.getKey() + "=" + printable(e.getValue()))
                .collect(Collectors.joining(", "));
        return "%s %s (rule \"%s\")%s".formatted(type, isAboutAddress() ? address : number, printable(ruleName),
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
