package org.voipguard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** No example in the repository teaches putting a password on the command line or in a versioned file. */
class SecretsInExamplesTest {

    private static final Pattern PASSWORD_ON_COMMAND_LINE =
            Pattern.compile("--[a-z.\\-]*(password|secret)[a-z.\\-]*=", Pattern.CASE_INSENSITIVE);
    /** A password set in YAML to something other than empty, a placeholder or an environment reference. */
    private static final Pattern PASSWORD_IN_YAML =
            Pattern.compile("^\\s*password:\\s*(?!\"\"|''|\\.\\.\\.|\\$\\{|$)\\S", Pattern.MULTILINE);

    @Test
    void noExamplePassesAPasswordOnTheCommandLine() throws IOException {
        for (Path file : filesToCheck()) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern(PASSWORD_ON_COMMAND_LINE);
        }
    }

    @Test
    void noVersionedConfigurationHoldsAPassword() throws IOException {
        for (Path file : filesToCheck()) {
            if (file.toString().endsWith(".yml") || file.toString().endsWith(".yaml")) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern(PASSWORD_IN_YAML);
            }
        }
    }

    /** Every root must be there: a run from another folder would otherwise check nothing and pass. */
    private static List<Path> filesToCheck() throws IOException {
        List<Path> roots = List.of(Path.of("README.md"), Path.of("batch-config"), Path.of(".ci"),
                Path.of("src/main/resources/application.yml"));
        assertThat(roots).as("run from the project folder").allMatch(Files::exists);
        try (Stream<Path> files = roots.stream().flatMap(SecretsInExamplesTest::walk)) {
            List<Path> checked = files.filter(Files::isRegularFile).toList();
            assertThat(checked).as("files to check").hasSizeGreaterThan(roots.size());
            return checked;
        }
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
