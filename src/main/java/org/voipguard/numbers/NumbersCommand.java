package org.voipguard.numbers;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.voipguard.command.ExitCodes;
import org.voipguard.command.TopLevelCommand;
import org.voipguard.command.UsageException;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.text.UntrustedText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code numbers import FILE}, {@code numbers show NUMBER} and {@code numbers make-password NUMBER}. */
@Component
@Command(name = "numbers", mixinStandardHelpOptions = true,
        description = "Load per-number settings and show a number's control page.")
public class NumbersCommand implements TopLevelCommand {

    static final int USER_AGENT_WIDTH = 120;
    private static final int FACTS_WIDTH = 100;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final NumberSettingsImporter importer;
    private final NumberOverviews overviews;
    private final SipPasswords sipPasswords;
    private final ZoneId timeZone;
    private final String realm;

    @Spec
    private CommandSpec spec;

    public NumbersCommand(NumberSettingsImporter importer, NumberOverviews overviews, SipPasswords sipPasswords,
            VoipGuardProperties properties) {
        this.importer = importer;
        this.overviews = overviews;
        this.sipPasswords = sipPasswords;
        this.timeZone = properties.timeZone();
        this.realm = properties.sip().realm();
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Load or update per-number settings from a settings CSV. Bad rows are reported "
                    + "and written to the rejects folder; good rows are imported.")
    int importFile(@Parameters(paramLabel = "FILE", description = "the settings CSV") Path file) {
        NumberImportReport report = importer.importFile(file);
        PrintWriter err = spec.commandLine().getErr();
        report.rejections().forEach(rejection -> err.println(
                UntrustedText.escape(file.getFileName() + ": " + rejection.describe())));
        spec.commandLine().getOut().println(report.summary());
        return ExitCodes.DONE;
    }

    @Command(name = "make-password", mixinStandardHelpOptions = true,
            description = "Make a new SIP password for a number and print it once. Only its digest "
                    + "(HA1 = MD5(number:realm:password), realm from voipguard.sip.realm) is stored; the "
                    + "old password stops working at the registrar once it reads the new digest.")
    int makePassword(@Parameters(paramLabel = "NUMBER", description = "the number in E.164, e.g. +441632960001")
            String number) {
        requireKnownNumber(number);
        String password = sipPasswords.makePassword(number);
        PrintWriter out = spec.commandLine().getOut();
        out.println("New SIP password for " + number + " (shown once, not stored; give it to the customer now):");
        out.println(password);
        out.flush();
        return ExitCodes.DONE;
    }

    @Command(name = "export-subscribers", mixinStandardHelpOptions = true,
            description = "Write the SIP digests (HA1) of every number with a password as Kamailio db_text tables "
                    + "(subscriber, version) into DIR, for auth_db; see batch-config/kamailio/.")
    int exportSubscribers(@Parameters(paramLabel = "DIR", description = "Kamailio's db_text directory") Path directory) {
        int exported = KamailioSubscribers.export(sipPasswords.all(), realm, directory);
        spec.commandLine().getOut().printf("numbers export-subscribers: %d subscribers (realm %s) written to %s%n",
                exported, realm, directory);
        return ExitCodes.DONE;
    }

    private void requireKnownNumber(String number) {
        if (!E164.matcher(number).matches()) {
            throw new UsageException("not an E.164 number (+ then 7 to 15 digits): " + DisplayText.clean(number, 40));
        }
        if (overviews.find(number, Instant.now()).isEmpty()) {
            throw new UsageException("unknown number " + number + ": it has no settings; load them with 'numbers import FILE'");
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a number's settings, registered phones, month spend, next warning and recent alerts.")
    int show(@Parameters(paramLabel = "NUMBER", description = "the number in E.164, e.g. +441632960001")
            String number,
            @Option(names = "--at", paramLabel = "TIME",
                    description = "show the phones registered and the month's spend as at this ISO-8601 time (default: now)")
            Instant at) {
        if (!E164.matcher(number).matches()) {
            throw new UsageException("not an E.164 number (+ then 7 to 15 digits): " + DisplayText.clean(number, 40));
        }
        NumberOverview overview = overviews.find(number, at == null ? Instant.now() : at).orElseThrow(() -> new UsageException(
                "unknown number " + number + ": it has no settings; load them with 'numbers import FILE'"));
        PrintWriter out = spec.commandLine().getOut();
        printSettings(out, overview.settings());
        out.println("  SIP password         " + sipPasswords.lastChanged(number)
                .map(changed -> "last changed " + TIME.format(changed.atZoneSameInstant(timeZone)))
                .orElse("never set here"));
        printPhones(out, overview);
        printSpend(out, overview);
        printAlerts(out, overview);
        printFailedEmails(out, overview);
        return ExitCodes.DONE;
    }

    private static void printSettings(PrintWriter out, NumberSettings settings) {
        out.println("Number " + settings.number() + " (login " + settings.login() + ")");
        out.println();
        out.println("Settings");
        out.println("  national limit       " + ppm(settings.nationalLimitPpm()));
        out.println("  international limit  " + ppm(settings.internationalLimitPpm()));
        out.println("  IP access list       " + accessList(settings.accessList()));
        out.println("  IP/agent notify      " + settings.ipAgentNotify());
        out.println("  bill warning level   " + gbp(settings.billWarningLevelGbp())
                + (settings.warningLevelSetByCustomer() ? " (set by customer)" : " (auto)"));
        out.println("  threshold profile    " + settings.thresholdProfile());
        out.println("  number email         " + orNone(settings.numberEmail()));
        out.println("  login email          " + orNone(settings.loginEmail()));
    }

    private static String accessList(IpAccessList list) {
        if (list.isEmpty()) {
            return "none (no restriction)";
        }
        return list.asEntered() + list.unrestrictiveBecause().map(why -> " (restricts nothing: " + why
                + "; import a list that names the customer's addresses)").orElse("");
    }

    private static void printPhones(PrintWriter out, NumberOverview overview) {
        out.println();
        out.println("Registered phones: " + overview.registeredPhones().size());
        for (NumberOverview.RegisteredPhone phone : overview.registeredPhones()) {
            out.println("  " + DisplayText.clean(phone.sourceIp(), 45) + "  port " + phone.sourcePort() + "  "
                    + DisplayText.clean(phone.transport(), 10) + "  User-Agent: "
                    + orNone(DisplayText.clean(phone.userAgent(), USER_AGENT_WIDTH)));
        }
    }

    private static void printSpend(PrintWriter out, NumberOverview overview) {
        out.println();
        out.println("Spend in " + overview.month() + ": " + gbp(overview.monthSpendGbp())
                + "; next warning at " + gbp(overview.nextWarningGbp()));
    }

    private void printAlerts(PrintWriter out, NumberOverview overview) {
        out.println();
        if (overview.recentAlerts().isEmpty()) {
            out.println("Recent alerts: none");
            return;
        }
        out.println("Recent alerts (newest first, at most " + NumberOverviews.RECENT_ALERTS + ")");
        for (NumberOverview.RecentAlert alert : overview.recentAlerts()) {
            out.println("  " + TIME.format(alert.createdAt().atZoneSameInstant(timeZone)) + "  "
                    + DisplayText.clean(alert.alertType(), 40) + "  rule \"" + DisplayText.clean(alert.ruleName(), 80)
                    + "\" (rules " + DisplayText.clean(alert.rulesetVersion(), 64) + ")  "
                    + DisplayText.clean(alert.facts(), FACTS_WIDTH));
        }
    }

    /** Only when there are any: an address the mail server refuses means this customer's alerts reach nobody. */
    private void printFailedEmails(PrintWriter out, NumberOverview overview) {
        if (overview.failedEmails().isEmpty()) {
            return;
        }
        out.println();
        out.println("Emails refused by the mail server (not sent again; newest first, at most "
                + NumberOverviews.FAILED_EMAILS + ")");
        for (NumberOverview.FailedEmail email : overview.failedEmails()) {
            out.println("  " + TIME.format(email.createdAt().atZoneSameInstant(timeZone)) + "  "
                    + DisplayText.clean(email.alertType(), 40) + "  email to "
                    + DisplayText.clean(email.recipients(), 600) + " FAILED: "
                    + DisplayText.clean(email.reason(), 300));
        }
    }

    private static String ppm(BigDecimal pence) {
        return pence.stripTrailingZeros().toPlainString() + "p/min";
    }

    private static String gbp(BigDecimal amount) {
        int scale = Math.max(2, amount.stripTrailingZeros().scale());
        return "GBP " + amount.setScale(scale).toPlainString();
    }

    private static String orNone(String text) {
        return text == null || text.isEmpty() ? "none" : text;
    }
}
