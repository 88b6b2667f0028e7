package org.voipguard.notification;

import org.springframework.stereotype.Component;
import org.voipguard.command.ExitCodes;
import org.voipguard.command.TopLevelCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code voipguard emails send}: composes stored alerts into emails and delivers the outbox. */
@Component
@Command(name = "emails", mixinStandardHelpOptions = true,
        description = "Customer emails: compose stored alerts and deliver the outbox.")
public class EmailsCommand implements TopLevelCommand {

    private final Mailer mailer;

    @Spec
    private CommandSpec spec;

    public EmailsCommand(Mailer mailer) {
        this.mailer = mailer;
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = "Compose emails for new alerts and deliver every pending email: as .eml files to "
                    + "the outbox directory, or by SMTP when spring.mail.host is set. Failed emails stay "
                    + "pending and are retried by the next run; emails the server refuses for good (5xx) are "
                    + "marked FAILED and not retried.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every email was delivered",
                "1:at least one email failed (it stays pending) or was refused for good in this run",
                "2:bad arguments or configuration"})
    int send() {
        DeliveryReport report = mailer.sendPending();
        spec.commandLine().getOut().println("emails send: " + report.summary());
        report.refusals().forEach(refusal -> spec.commandLine().getOut().println("emails send: " + refusal.describe()));
        spec.commandLine().getOut().flush();
        return report.failed() > 0 || !report.refusals().isEmpty() ? ExitCodes.FAILED : ExitCodes.DONE;
    }
}
