package org.voipguard.housekeeping;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;
import org.voipguard.command.ExitCodes;
import org.voipguard.command.TopLevelCommand;
import org.voipguard.notification.DeliveryReport;
import org.voipguard.notification.Mailer;
import org.voipguard.registration.RegisteredPhones;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code voipguard nightly}: retry pending emails, drop expired registrations, apply retention. */
@Component
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "Nightly housekeeping: retry pending emails, drop registered phones whose registration expired, "
                + "and remove CDRs, registration events and alerts older than voipguard.retention "
                + "(never CDRs of a month that is not closed, never alerts whose email is pending).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the run failed, or emails are still pending (the next run retries them)",
            "2:bad arguments or configuration"})
public class NightlyCommand implements TopLevelCommand, Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final Mailer mailer;
    private final RegisteredPhones phones;
    private final Retention retention;

    public NightlyCommand(Mailer mailer, RegisteredPhones phones, Retention retention) {
        this.mailer = mailer;
        this.phones = phones;
        this.retention = retention;
    }

    @Override
    public Integer call() {
        Instant now = Instant.now();
        DeliveryReport delivery = mailer.sendPending();
        int expiredPhones = phones.dropExpired(now.atOffset(ZoneOffset.UTC));
        Retention.Removed removed = retention.apply(now);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("nightly: emails %s; %d expired registered phones dropped; %s%n", delivery.summary(), expiredPhones,
                removed.summary());
        delivery.refusals().forEach(refusal -> out.println("nightly: " + refusal.describe()));
        out.flush();
        return delivery.needsAttention() ? ExitCodes.FAILED : ExitCodes.DONE;
    }
}
