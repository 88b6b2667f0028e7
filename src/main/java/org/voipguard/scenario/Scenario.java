package org.voipguard.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.voipguard.blocklist.Allowlist;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.thresholds.Thresholds;

/**
 * One scenario of a file in {@code rules/tests/}: the numbers and the closed months it starts
 * from, what happened before (rows and a month end; their alerts are not checked), the CDR and
 * registration rows to evaluate, and the alerts expected from them (none when the list is empty).
 * {@code thresholds} are the scenario's own, or {@code null} for the rules directory's file;
 * {@code allowlist} the provider's own networks (empty unless the scenario gives some).
 */
public record Scenario(
        Path file,
        int line,
        String name,
        List<NumberSettings> numbers,
        Set<String> closedMonths,
        Thresholds thresholds,
        Allowlist allowlist,
        Rows before,
        Rows rows,
        List<ExpectedAlert> expected) {

    public Scenario {
        numbers = List.copyOf(numbers);
        closedMonths = Set.copyOf(closedMonths);
        expected = List.copyOf(expected);
    }

    /** Where the scenario is, for messages: {@code rules/tests/lockdown.yaml:12}. */
    public String location() {
        return file + ":" + line;
    }

    /**
     * CDR rows and registration rows in the canonical CSV columns, and the month that month
     * end closes after them ({@code YYYY-MM}, or null when none does).
     */
    public record Rows(List<Row> cdrs, List<Row> registrations, String monthEnd) {

        public Rows {
            cdrs = List.copyOf(cdrs);
            registrations = List.copyOf(registrations);
        }

        static Rows none() {
            return new Rows(List.of(), List.of(), null);
        }
    }

    /** One input row and the line of the scenario file it is on. */
    public record Row(int line, String text) {
    }
}
