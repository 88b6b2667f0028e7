package org.voipguard.thresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdsTest {

    private static final String HEADER = "profile,check,prefix,days,hours,warning,critical,window,quiet,ban\n";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Wednesday afternoon. */
    private static final ZonedDateTime WEDNESDAY_3PM = ZonedDateTime.of(2026, 11, 4, 15, 0, 0, 0, LONDON);
    private static final ZonedDateTime SATURDAY_3PM = WEDNESDAY_3PM.plusDays(3);
    private static final ZonedDateTime WEDNESDAY_2AM = WEDNESDAY_3PM.withHour(2);

    @Test
    void theLongestMatchingPrefixWins() {
        Thresholds thresholds = parse("""
                default,CALL_RATE,,,,15,30,60s,,
                default,CALL_RATE,88,,,5,10,60s,,
                default,CALL_RATE,882,,,3,6,60s,,
                """);

        assertThat(warningFor(thresholds, "default", "8821612345")).isEqualTo(3);
        assertThat(warningFor(thresholds, "default", "8831612345")).isEqualTo(5);
        assertThat(warningFor(thresholds, "default", "441632960001")).isEqualTo(15);
    }

    @Test
    void aRowForSomeDaysOrHoursWinsOverTheRowForAllTimesWhileItApplies() {
        Thresholds thresholds = parse("""
                default,CONCURRENT_CALLS,,,,5,10,,,
                default,CONCURRENT_CALLS,,Sat-Sun,,3,6,,,
                default,CONCURRENT_CALLS,,,22-06,2,4,,,
                """);

        assertThat(thresholds.forCall("default", Check.CONCURRENT_CALLS, "44", WEDNESDAY_3PM).orElseThrow().warning())
                .isEqualTo(5);
        assertThat(thresholds.forCall("default", Check.CONCURRENT_CALLS, "44", SATURDAY_3PM).orElseThrow().warning())
                .isEqualTo(3);
        assertThat(thresholds.forCall("default", Check.CONCURRENT_CALLS, "44", WEDNESDAY_2AM).orElseThrow().warning())
                .isEqualTo(2);
    }

    @Test
    void aProfileWithoutARowForACheckUsesTheDefaultProfilesRows() {
        Thresholds thresholds = parse("""
                default,CALL_RATE,,,,15,30,60s,,
                default,DAILY_CALLS,,,,200,500,1d,,
                call-centre,DAILY_CALLS,,,,5000,10000,1d,,
                """);

        assertThat(thresholds.forCall("call-centre", Check.DAILY_CALLS, "44", WEDNESDAY_3PM).orElseThrow().warning())
                .isEqualTo(5000);
        assertThat(thresholds.forCall("call-centre", Check.CALL_RATE, "44", WEDNESDAY_3PM).orElseThrow().warning())
                .isEqualTo(15);
        assertThat(thresholds.forCall("unknown", Check.CALL_RATE, "44", WEDNESDAY_3PM).orElseThrow().warning())
                .isEqualTo(15);
    }

    @Test
    void zeroOrEmptySwitchesACheckOffEvenWhereAShorterPrefixWouldApply() {
        Thresholds thresholds = parse("""
                default,LONG_CALL,,,,120,480,,,
                default,LONG_CALL,44,,,0,,,,
                """);

        assertThat(thresholds.forCall("default", Check.LONG_CALL, "441632960001", WEDNESDAY_3PM)).isEmpty();
        assertThat(thresholds.forCall("default", Check.LONG_CALL, "331632960001", WEDNESDAY_3PM)).isPresent();
        assertThat(thresholds.forCall("default", Check.SEQUENTIAL_CALLS, "44", WEDNESDAY_3PM)).isEmpty();
    }

    @Test
    void aCountReachesWarningThenCriticalWhichWins() {
        Threshold row = parse("default,CALL_RATE,,,,15,30,60s,,\n").rows().get(0);

        assertThat(row.severityOf(14)).isEmpty();
        assertThat(row.severityOf(15)).contains(Severity.WARNING);
        assertThat(row.severityOf(30)).contains(Severity.CRITICAL);
        assertThat(row.severityOf(40)).contains(Severity.CRITICAL);
        assertThat(row.window()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void checksNotAboutCallsCarryTheirWindowQuietPeriodAndBan() {
        Thresholds thresholds = parse("""
                default,AUTH_FAILURES,,,,10,,5m,1h,2h
                default,SCANNER,,,,,1,,24h,1d
                """);

        Threshold failures = thresholds.forCheck(Check.AUTH_FAILURES).orElseThrow();
        assertThat(failures.severityOf(10)).contains(Severity.WARNING);
        assertThat(failures.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(failures.quiet()).isEqualTo(Duration.ofHours(1));
        assertThat(failures.ban()).isEqualTo(Duration.ofHours(2));
        assertThat(thresholds.forCheck(Check.SCANNER).orElseThrow().severityOf(1)).contains(Severity.CRITICAL);
        assertThat(thresholds.forCheck(Check.PASSWORD_GUESSING)).isEmpty();
    }

    @Test
    void aBadCellIsReportedWithItsLineAndField() {
        assertThatThrownBy(() -> parse("default,CALL_RATE,,,,15,30,60s,,\ndefault,CALL_RATE,,,,lots,30,60s,,\n"))
                .isInstanceOf(ThresholdFileException.class)
                .hasMessage("thresholds.csv line 3, field warning: not a whole number (0 or empty is off): lots");
        assertThatThrownBy(() -> parse("default,CALL_SPEED,,,,15,30,60s,,\n"))
                .hasMessageStartingWith("thresholds.csv line 2, field check: not a check");
        assertThatThrownBy(() -> parse("default,CALL_RATE,,Funday,,15,30,60s,,\n"))
                .hasMessage("thresholds.csv line 2, field days: not a day of the week (Mon, Tue, ... Sun): Funday");
        assertThatThrownBy(() -> parse("default,CALL_RATE,,,8-25,15,30,60s,,\n"))
                .hasMessage("thresholds.csv line 2, field hours: not an hour from 00 to 24: 25");
        assertThatThrownBy(() -> parse("default,CALL_RATE,,,,15,30,a minute,,\n"))
                .hasMessage("thresholds.csv line 2, field window: not a duration such as 60s, 5m, 1h or 1d: a minute");
        assertThatThrownBy(() -> parse("default,CALL_RATE,,,,30,15,60s,,\n"))
                .hasMessage("thresholds.csv line 2, field warning: 30 is above the critical threshold 15");
        assertThatThrownBy(() -> parse("default,AUTH_FAILURES,44,,,10,,5m,1h,1h\n"))
                .hasMessage("thresholds.csv line 2: AUTH_FAILURES is not about calls: leave prefix, days and hours empty");
    }

    @Test
    void aHeaderWithoutEveryColumnIsRefused() {
        assertThatThrownBy(() -> Thresholds.parse(new StringReader("profile,check,warning\n"), "thresholds.csv"))
                .isInstanceOf(ThresholdFileException.class)
                .hasMessageContaining("lacks the column(s) prefix, days, hours, critical, window, quiet, ban");
    }

    @Test
    void aRulesFolderWithoutTheFileHasEveryCheckOff(@TempDir Path rulesDir) {
        assertThat(Thresholds.fromRulesDir(rulesDir).rows()).isEmpty();
    }

    @Test
    void theShippedFileParsesAndSetsEveryCheckForTheDefaultProfile() {
        Thresholds shipped = Thresholds.fromRulesDir(Path.of("rules"));

        for (Check check : Check.values()) {
            assertThat(shipped.rows()).as(check.name())
                    .anyMatch(row -> row.check() == check && row.profile().equals(Thresholds.DEFAULT_PROFILE));
        }
        assertThat(shipped.forCall("default", Check.CALL_RATE, "441632960001", WEDNESDAY_3PM).orElseThrow()
                .severityOf(40)).contains(Severity.CRITICAL);
    }

    private static long warningFor(Thresholds thresholds, String profile, String dialled) {
        return thresholds.forCall(profile, Check.CALL_RATE, dialled, WEDNESDAY_3PM).orElseThrow().warning();
    }

    private static Thresholds parse(String rows) {
        return Thresholds.parse(new StringReader(HEADER + rows), "thresholds.csv");
    }
}
