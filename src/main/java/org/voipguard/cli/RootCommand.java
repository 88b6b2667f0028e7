package org.voipguard.cli;

import picocli.CommandLine.Command;

@Command(name = "voipguard", mixinStandardHelpOptions = true, version = "VoIPGuard 0.1.0",
        description = "Protects VoIP customers from toll fraud and stolen SIP credentials.%n"
                + "Spring properties such as --spring.datasource.url=... and --voipguard.rules-dir=... "
                + "may follow any command.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (rejected lines are reported, not fatal)", "1:the run failed",
                "2:bad arguments or configuration"})
public class RootCommand {
}
