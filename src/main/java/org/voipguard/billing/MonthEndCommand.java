package org.voipguard.billing;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import org.voipguard.command.ExitCodes;
import org.voipguard.command.TopLevelCommand;
import org.voipguard.command.UsageException;
import org.voipguard.rules.ActiveRuleBook;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voipguard month-end [--month YYYY-MM]}: policy P5. A prototype, so an option given in
 * one run is never left over for the next run in the same context.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "month-end", mixinStandardHelpOptions = true,
        description = "Close a month (P5): record each number's bill, set each automatic bill warning level to the "
                + "greater of the default and factor x bill (rules/month-end.drl); later calls of the month become "
                + "late charges. Closing a month twice changes nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the month is closed (by this run or an earlier one)", "1:the run failed",
            "2:bad arguments or configuration, or a month that is not over"})
public class MonthEndCommand implements TopLevelCommand, Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--month", paramLabel = "YYYY-MM",
            description = "the month to close, as the configured time zone (Europe/London) sees it; default: the previous month")
    private String month;

    private final MonthEnd monthEnd;
    private final ActiveRuleBook rules;

    public MonthEndCommand(MonthEnd monthEnd, ActiveRuleBook rules) {
        this.monthEnd = monthEnd;
        this.rules = rules;
    }

    @Override
    public Integer call() {
        YearMonth target = month == null ? monthEnd.previousMonth() : parse(month);
        String ruleSetVersion = rules.current().version();
        MonthEndResult result = monthEnd.close(target);
        PrintWriter out = spec.commandLine().getOut();
        out.println("month-end: " + result.summary() + " (rules " + ruleSetVersion + ")");
        out.flush();
        return result.status() == MonthEndResult.Status.FAILED ? ExitCodes.FAILED : ExitCodes.DONE;
    }

    private static YearMonth parse(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--month must be a month as YYYY-MM, e.g. 2026-10, not '" + text + "'");
        }
    }
}
