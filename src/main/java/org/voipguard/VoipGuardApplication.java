package org.voipguard;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.voipguard.cli.CommandLineLauncher;

@SpringBootApplication
@ConfigurationPropertiesScan
public class VoipGuardApplication {

    public static void main(String[] args) {
        System.exit(CommandLineLauncher.run(args));
    }
}
