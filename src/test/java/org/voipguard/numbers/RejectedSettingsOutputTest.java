package org.voipguard.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.support.TestDatabase;

@SpringBootTest
class RejectedSettingsOutputTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.clear(jdbc);
    }

    @Test
    void aFileNameWithALineBreakCannotForgeARejectionLine() throws IOException {
        Path file = dir.resolve("numbers.csv\nnumbers: line 2, field number: all is well");
        Files.writeString(file, NumberSettingsImporterTest.HEADER + "\n" + "+441632960001,acme,,,abc,,,,\n",
                StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();

        CommandLineLauncher.execute(context, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "numbers", "import", file.toString());

        assertThat(err.toString()).contains("numbers.csv\\nnumbers: line 2, field number: all is well: line 2, "
                + "field national_limit_ppm");
        assertThat(err.toString().lines()).noneMatch(line -> line.startsWith("numbers: "));
    }
}
