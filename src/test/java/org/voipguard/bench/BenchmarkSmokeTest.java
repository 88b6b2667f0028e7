package org.voipguard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark still runs end to end on a few thousand lines; it checks what was imported, never how fast. */
class BenchmarkSmokeTest {

    private static final int CDRS = 3000;
    private static final int REGISTRATIONS = 2000;

    @TempDir
    Path directory;

    @Test
    void importsTheGeneratedFilesAndReportsEveryPhase() throws IOException {
        Benchmark.Options options = Benchmark.Options.parse("--numbers=300", "--cdrs=" + CDRS,
                "--registrations=" + REGISTRATIONS, "--dir=" + directory);
        StringWriter printed = new StringWriter();

        Benchmark.Result result = Benchmark.run(options, new PrintWriter(printed, true));

        BenchData.Written data = result.data();
        assertThat(result.succeeded()).as(printed.toString()).isTrue();
        assertThat(data.badCdrLines()).isPositive();
        assertThat(data.repeatedCallIds()).isPositive();
        assertThat(result.phase("CDR bare parse").records()).isEqualTo(CDRS);
        assertThat(result.phase("CDR bare store").records()).isEqualTo(CDRS);
        assertThat(result.phase("cdrs import").records()).isEqualTo(CDRS);
        assertThat(result.phase("cdrs import, call checks off").records()).isEqualTo(CDRS);
        assertThat(result.phase("registration bare parse").records()).isEqualTo(REGISTRATIONS);
        assertThat(result.phase("registration bare store").records()).isEqualTo(REGISTRATIONS);
        assertThat(result.phase("registrations import").records()).isEqualTo(REGISTRATIONS);
        assertThat(result.storedCdrs()).isEqualTo(CDRS - data.badCdrLines() - data.repeatedCallIds());
        assertThat(result.storedRegistrations()).isEqualTo(REGISTRATIONS - data.badRegistrationLines());
        assertThat(result.rejectedLines()).isEqualTo(data.badCdrLines() + data.badRegistrationLines());
        assertThat(result.alerts()).isPositive();
        long emails = result.phase("emails compose").records();
        assertThat(emails).isPositive();
        assertThat(result.phase("email bare write").records()).isEqualTo(result.alerts());
        assertThat(result.phase("emails to .eml").records()).isEqualTo(emails);
        assertThat(result.phase("emails over SMTP").records()).isEqualTo(emails);
        assertThat(printed.toString()).contains("records/s", "vs parse", "peak heap", "old kept",
                "rules: " + shippedRuleFiles() + " files compiled", "cdrs import vs CDR bare store",
                "registrations import vs registration bare store", "cdrs import vs call checks off");
    }

    @Test
    void importsTheRegistrationLogAgainInEverySwitchFormat() {
        Benchmark.Options options = Benchmark.Options.parse("--numbers=300", "--cdrs=100",
                "--registrations=" + REGISTRATIONS, "--dir=" + directory,
                "--registration-formats=kamailio,asterisk-log,asterisk-security");
        StringWriter printed = new StringWriter();

        Benchmark.Result result = Benchmark.run(options, new PrintWriter(printed, true));

        assertThat(result.succeeded()).as(printed.toString()).isTrue();
        assertThat(result.phase("registrations kamailio").records()).isEqualTo(REGISTRATIONS);
        assertThat(result.phase("registrations asterisk-log").records()).isEqualTo(REGISTRATIONS);
        assertThat(result.phase("registrations asterisk-security").records()).isEqualTo(REGISTRATIONS);
        assertThat(result.storedRegistrations()).isEqualTo(REGISTRATIONS - result.data().badRegistrationLines());
    }

    @Test
    void aPostgreSqlDatabaseNameWithCapitalsIsRefusedWithTheRuleItBreaks() {
        assertThatThrownBy(() -> Benchmark.Options.parse("--database=postgresql", "--postgresql-database=Bench_1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--postgresql-database=Bench_1: a database name here is a lowercase letter");
    }

    @Test
    void writesTheSameDataForTheSameSizesAndSeed() {
        BenchData.Sizes sizes = new BenchData.Sizes(200, 500, 500);

        BenchData.Written first = BenchData.write(directory.resolve("a"), sizes, 7);
        BenchData.Written second = BenchData.write(directory.resolve("b"), sizes, 7);

        assertThat(first.cdrFile()).hasSameTextualContentAs(second.cdrFile());
        assertThat(first.registrationFile()).hasSameTextualContentAs(second.registrationFile());
        assertThat(BenchData.existing(directory.resolve("a"), sizes, 7)).contains(first);
        assertThat(BenchData.existing(directory.resolve("a"), sizes, 8)).isEmpty();
    }

    private static long shippedRuleFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            return files.filter(file -> file.toString().endsWith(".drl")).count();
        }
    }
}
