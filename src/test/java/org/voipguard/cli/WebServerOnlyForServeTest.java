package org.voipguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only serve starts a web server; every other command (and serve --help) opens no port and takes the lock as before. */
class WebServerOnlyForServeTest {

    private static final String WEB = "--spring.main.web-application-type=servlet";

    @Test
    void serveAsksForTheWebServer() {
        String[] args = {"serve", "--server.port=9090"};

        assertThat(CommandLineLauncher.withWebServerFor(new String[] {"serve"}, args)).containsExactly(WEB, "serve",
                "--server.port=9090");
    }

    @Test
    void otherCommandsAndServeHelpDoNot() {
        String[] imports = {"cdrs", "import", "x.csv"};
        String[] help = {"serve", "--help"};

        assertThat(CommandLineLauncher.withWebServerFor(imports, imports)).doesNotContain(WEB);
        assertThat(CommandLineLauncher.withWebServerFor(help, help)).doesNotContain(WEB);
    }

    @Test
    void anOperatorsChoiceOfWebApplicationTypeWins() {
        String[] args = {"serve", "--spring.main.web-application-type=reactive"};

        assertThat(CommandLineLauncher.withWebServerFor(new String[] {"serve"}, args)).containsExactly(args);
    }

    @Test
    void serveTakesNoRunLock() {
        assertThat(CommandLineLauncher.READ_ONLY_COMMANDS).contains("serve");
    }
}
