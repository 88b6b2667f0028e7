package org.voipguard.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.VoipGuardApplication;
import org.voipguard.cli.CommandLineLauncher;
import org.voipguard.command.ExitCodes;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.CsvCells;
import org.voipguard.imports.LineLengthCap;
import org.voipguard.imports.QuotedCsvRecordPolicy;
import org.voipguard.rules.ActiveRuleBook;
import org.voipguard.rules.RuleBook;

/**
 * Generates a data set and, in one run on a fresh embedded database, measures records per
 * second for a bare CSV parse of each file (reading and splitting every line as the import
 * jobs do: the baseline) and for the full {@code cdrs import} and {@code registrations import}
 * commands, each also as a share of its baseline; with peak heap and the rules' compile time.
 *
 * <p>Arguments: {@code --numbers=N --cdrs=M --registrations=K --dir=DIR --seed=S --reuse-data
 * --h2-settings=CACHE_SIZE=65536;...} (added to the embedded database URL);
 * {@code --spring.*} and {@code --voipguard.*} arguments are passed on to the application
 * (e.g. {@code --voipguard.chunk-size=5000}). See {@code bench/README.md}.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) {
        Options options = Options.parse(args);
        Result result = run(options, new PrintWriter(System.out, true));
        System.exit(result.succeeded() ? 0 : 1);
    }

    /**
     * One timed phase: what it did, how many records, how long, the heap it needed (at its
     * highest, after any collection, and kept in the old generation: see {@link HeapWatch}) and
     * the collector's time.
     */
    public record Phase(String name, long records, double seconds, double cpuSeconds, long peakHeapBytes,
            long peakAfterGcBytes, long peakOldKeptBytes, double gcSeconds) {

        double perSecond() {
            return seconds > 0 ? records / seconds : 0;
        }

        double perCpuSecond() {
            return cpuSeconds > 0 ? records / cpuSeconds : 0;
        }
    }

    /** What a run measured and what the database held afterwards. */
    public record Result(BenchData.Written data, List<Phase> phases, double ruleCompileSeconds, long storedCdrs,
            long storedRegistrations, long rejectedLines, long alerts, boolean succeeded) {

        public Phase phase(String name) {
            return phases.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        }
    }

    public static Result run(Options options, PrintWriter out) {
        Path dataDir = options.directory().resolve("data");
        BenchData.Written data = data(options, dataDir, out);
        Path runDir = fresh(options.directory().resolve("run"));
        try (ConfigurableApplicationContext context = start(options, runDir)) {
            return measure(context, options, data, fresh(runDir.resolve("bare-store")), out);
        }
    }

    private static BenchData.Written data(Options options, Path dataDir, PrintWriter out) {
        long started = System.nanoTime();
        var existing = options.reuseData() ? BenchData.existing(dataDir, options.sizes(), options.seed())
                : java.util.Optional.<BenchData.Written>empty();
        BenchData.Written data = existing.orElseGet(() -> BenchData.write(dataDir, options.sizes(), options.seed()));
        out.printf(Locale.ROOT, "data: %s in %.1f s (%s %s, %s %s)%n", existing.isPresent() ? "reused" : "written",
                seconds(started), data.cdrFile().getFileName(), megabytes(size(data.cdrFile())),
                data.registrationFile().getFileName(), megabytes(size(data.registrationFile())));
        return data;
    }

    private static Result measure(ConfigurableApplicationContext context, Options options, BenchData.Written data,
            Path bareStoreDir, PrintWriter out) {
        VoipGuardProperties properties = context.getBean(VoipGuardProperties.class);
        out.printf(Locale.ROOT, "VoIPGuard benchmark: %d numbers, %d CDRs, %d registrations; chunk size %d, "
                        + "max heap %s, %d CPUs, database %s%n", options.sizes().numbers(), options.sizes().cdrs(),
                options.sizes().registrations(), properties.chunkSize(), megabytes(HeapWatch.maxHeap()),
                Runtime.getRuntime().availableProcessors(), context.getEnvironment().getProperty("spring.datasource.url"));
        RuleBook rules = context.getBean(ActiveRuleBook.class).current();
        double compile = rules.compileTime().toNanos() / 1e9;
        out.printf(Locale.ROOT, "rules: %d files compiled in %.2f s (version %s)%n", rules.files().size(), compile,
                rules.version());

        boolean ok = command(context, out, "numbers", "import", data.numbersFile().toString());

        PhaseTable table = new PhaseTable(out);
        List<Phase> phases = new ArrayList<>();
        phases.add(table.row(timed("CDR bare parse", () -> bareParse(data.cdrFile()))));
        String bareStoreUrl = options.onPostgreSql()
                ? BenchPostgreSql.freshDatabase(options.postgresqlServer(), options.postgresqlDatabase() + "_bare")
                : databaseUrl(bareStoreDir);
        phases.add(table.row(timed("CDR bare store", () -> BareStore.store(BareStore.Shape.CDR, data.cdrFile(),
                bareStoreUrl, properties.chunkSize()))));
        phases.add(table.row(timed("cdrs import, call checks off", () -> CallChecksOff.importWithout(context,
                properties.rulesDir(), data, args -> command(context, out, args)))));
        CallChecksOff.forgetTheImport(context.getBean(JdbcTemplate.class));
        phases.add(table.row(timed("cdrs import", () -> {
            boolean done = command(context, out, "cdrs", "import", "--no-email", data.cdrFile().toString());
            return done ? data.cdrLines() : -1;
        })));
        phases.add(table.row(timed("registration bare parse", () -> bareParse(data.registrationFile()))));
        phases.add(table.row(timed("registration bare store", () -> BareStore.store(BareStore.Shape.REGISTRATION,
                data.registrationFile(), bareStoreUrl, properties.chunkSize()))));
        phases.add(table.row(timed("registrations import", () -> {
            boolean done = command(context, out, "registrations", "import", "--no-email",
                    data.registrationFile().toString());
            return done ? data.registrationLines() : -1;
        })));
        for (String format : options.registrationFormats()) {
            phases.add(table.row(switchFormat(context, out, data, format)));
        }
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        phases.add(table.row(timed("email bare write", () -> EmailPhases.bareWrite(jdbc, bareStoreDir.resolve("eml")))));
        phases.add(table.row(timed("emails compose", () -> EmailPhases.compose(context))));
        phases.add(table.row(timed("emails to .eml", () -> EmailPhases.deliver(context))));
        EmailPhases.markSentPendingAgain(jdbc);
        phases.add(table.row(timed("emails over SMTP", () -> EmailPhases.deliverOverSmtp(context))));
        ok &= phases.stream().allMatch(p -> p.records() >= 0);

        Result result = new Result(data, phases, compile, count(jdbc, "cdr"), count(jdbc, "registration_event"),
                count(jdbc, "rejected_line"), count(jdbc, "alert"), ok);
        out.println();
        table.printAll(phases);
        printImportVersusBareStore(phases, out);
        CallChecksOff.printCost(phase(phases, "cdrs import, call checks off"), phase(phases, "cdrs import"), out);
        out.printf(Locale.ROOT, "stored: %d CDRs, %d registration events, %d rejected lines, %d alerts; rule compile "
                        + "%.2f s; %s%n", result.storedCdrs(), result.storedRegistrations(), result.rejectedLines(),
                result.alerts(), result.ruleCompileSeconds(), ok ? "all imports done" : "AN IMPORT FAILED");
        printSteps(jdbc, out);
        return result;
    }

    /**
     * The registration log written again in a switch format, imported with its registration
     * state emptied first (not timed), so every format starts where the canonical CSV did.
     */
    private static Phase switchFormat(ConfigurableApplicationContext context, PrintWriter out, BenchData.Written data,
            String format) {
        Path log = SwitchLogs.write(data.registrationFile(), format);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        for (String table : List.of("registration_outcome", "registration_event", "known_ip", "known_user_agent",
                "registered_phone", "lockdown_notice", "alert_email", "email_outbox", "alert")) {
            jdbc.update("DELETE FROM " + table);
        }
        return timed("registrations " + format, () -> {
            boolean done = command(context, out, "registrations", "import", "--no-email", "--format", format,
                    log.toString());
            return done ? data.registrationLines() : -1;
        });
    }

    /** The second baselines: how close each import comes to storing its rows and nothing else. */
    private static void printImportVersusBareStore(List<Phase> phases, PrintWriter out) {
        printVersus(phase(phases, "cdrs import"), phase(phases, "CDR bare store"), out);
        printVersus(phase(phases, "registrations import"), phase(phases, "registration bare store"), out);
    }

    private static void printVersus(Phase phase, Phase store, PrintWriter out) {
        out.printf(Locale.ROOT, "%s vs %s: %.3f of its records/s, %.3f of its records/cpu s%n", phase.name(),
                store.name(), phase.perSecond() / store.perSecond(), phase.perCpuSecond() / store.perCpuSecond());
    }

    private static Phase phase(List<Phase> phases, String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** Prints a phase as soon as it is over, with its ratios to the bare parse before it. */
    static final class PhaseTable {

        private final PrintWriter out;
        private Phase baseline;
        private boolean headerPrinted;

        PhaseTable(PrintWriter out) {
            this.out = out;
        }

        Phase row(Phase phase) {
            if (isBaseline(phase)) {
                baseline = phase;
            }
            if (!headerPrinted) {
                header();
                headerPrinted = true;
            }
            print(phase);
            return phase;
        }

        void printAll(List<Phase> phases) {
            baseline = null;
            header();
            for (Phase phase : phases) {
                if (isBaseline(phase)) {
                    baseline = phase;
                }
                print(phase);
            }
        }

        /** The bare parse of a file, or the bare write of as many files as there are emails. */
        private static boolean isBaseline(Phase phase) {
            return phase.name().endsWith("bare parse") || phase.name().endsWith("bare write");
        }

        private void header() {
            out.printf(Locale.ROOT, "%-24s %10s %9s %12s %9s %9s %12s %9s %10s %10s %10s %8s%n", "phase", "records",
                    "seconds", "records/s", "vs parse", "cpu s", "rec/cpu s", "vs parse", "peak heap", "after GC",
                    "old kept", "gc s");
        }

        private void print(Phase phase) {
            double ratio = baseline == null || baseline.perSecond() == 0 ? 0 : phase.perSecond() / baseline.perSecond();
            double cpuRatio = baseline == null || baseline.perCpuSecond() == 0 ? 0
                    : phase.perCpuSecond() / baseline.perCpuSecond();
            out.printf(Locale.ROOT, "%-24s %10d %9.2f %,12.0f %9.3f %9.2f %,12.0f %9.3f %10s %10s %10s %8.2f%n",
                    phase.name(), phase.records(), phase.seconds(), phase.perSecond(), ratio, phase.cpuSeconds(),
                    phase.perCpuSecond(), cpuRatio, megabytes(phase.peakHeapBytes()),
                    megabytes(phase.peakAfterGcBytes()), megabytes(phase.peakOldKeptBytes()), phase.gcSeconds());
        }
    }

    /** Where an import's time went, step by step, from the job repository. */
    private static void printSteps(JdbcTemplate jdbc, PrintWriter out) {
        jdbc.query("SELECT j.JOB_NAME, s.STEP_NAME, s.START_TIME, s.END_TIME, s.READ_COUNT, s.COMMIT_COUNT "
                + "FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID "
                + "JOIN BATCH_JOB_INSTANCE j ON j.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID ORDER BY s.STEP_EXECUTION_ID", rs -> {
                    var start = rs.getTimestamp(3);
                    var end = rs.getTimestamp(4);
                    double took = start == null || end == null ? 0 : (end.getTime() - start.getTime()) / 1000.0;
                    out.printf(Locale.ROOT, "  step %-18s %-22s %8.2f s %10d read %7d commits%n", rs.getString(1),
                            rs.getString(2), took, rs.getLong(5), rs.getLong(6));
                });
    }

    static Phase timed(String name, Supplier<Long> work) {
        System.gc();
        try (HeapWatch heap = new HeapWatch()) {
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            long records = work.get();
            return new Phase(name, records, seconds(started), (processCpuNanos() - cpuStarted) / 1e9, heap.peakUsed(),
                    heap.peakAfterGc(), heap.peakKept(), heap.gcSeconds());
        }
    }

    /** Reads the file as the import jobs' reader does and splits every record into its cells. */
    static long bareParse(Path file) {
        long[] cells = {0};
        long records = forEachRecord(file, (record, count) -> cells[0] += record.size());
        return records == 0 || cells[0] > records ? records : -1;
    }

    /** What is done with each record of a file: its cells and how many records were read so far. */
    interface RecordHandler {
        void accept(List<String> cells, long count) throws SQLException;
    }

    private static final LineLengthCap LINE_LENGTH_CAP = new LineLengthCap(64 * 1024);

    /** Reads the file with the import jobs' reader settings and hands over each record's cells. */
    static long forEachRecord(Path file, RecordHandler handler) {
        FlatFileItemReader<List<String>> reader = new FlatFileItemReaderBuilder<List<String>>()
                .name("bareParse")
                .resource(new FileSystemResource(file))
                .encoding(StandardCharsets.UTF_8.name())
                .bufferedReaderFactory(LINE_LENGTH_CAP.readers())
                .recordSeparatorPolicy(new QuotedCsvRecordPolicy(LINE_LENGTH_CAP))
                .linesToSkip(1)
                .lineMapper((line, lineNumber) -> cellsOrNone(line))
                .build();
        long records = 0;
        reader.open(new ExecutionContext());
        try {
            for (List<String> record = reader.read(); record != null; record = reader.read()) {
                handler.accept(record, ++records);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        } finally {
            reader.close();
        }
        return records;
    }

    private static List<String> cellsOrNone(String line) {
        try {
            return CsvCells.split(line);
        } catch (CsvCells.MalformedCsvException e) {
            return List.of();
        }
    }

    private static boolean command(ConfigurableApplicationContext context, PrintWriter out, String... args) {
        return CommandLineLauncher.execute(context, out, out, args) == ExitCodes.DONE;
    }

    private static long count(JdbcTemplate jdbc, String table) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }

    static ConfigurableApplicationContext start(Options options, Path runDir) {
        List<String> args = new ArrayList<>();
        if (options.onPostgreSql()) {
            args.add("--spring.datasource.url=" + BenchPostgreSql.freshDatabase(options.postgresqlServer(), options.postgresqlDatabase()));
            args.add("--spring.datasource.username=" + BenchPostgreSql.USER);
            args.add("--spring.datasource.password=");
        } else {
            args.add("--spring.datasource.url=" + databaseUrl(runDir) + options.extraDatabaseSettings());
        }
        args.add("--voipguard.outbox-dir=" + runDir.resolve("outbox"));
        args.add("--voipguard.rejects-dir=" + runDir.resolve("rejects"));
        if (options.applicationArguments().stream().noneMatch(arg -> arg.startsWith("--voipguard.rules-dir="))) {
            args.add("--voipguard.rules-dir=" + CallChecksOff.copyOfShippedRules(runDir.resolve("rules")));
        }
        args.add("--logging.level.org.voipguard=WARN");
        args.add("--logging.level.org.springframework=WARN");
        args.addAll(options.applicationArguments());
        return new SpringApplication(VoipGuardApplication.class).run(args.toArray(String[]::new));
    }

    /** The product's own embedded database URL and settings, with the database file in the run folder. */
    static String databaseUrl(Path runDir) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String url = properties == null ? null : properties.getProperty("spring.datasource.url");
        String prefix = "jdbc:h2:file:";
        if (url == null || !url.startsWith(prefix)) {
            throw new IllegalStateException("the built-in database is not an embedded H2 file: " + url);
        }
        int settings = url.indexOf(';');
        String rest = settings < 0 ? "" : url.substring(settings);
        return prefix + runDir.toAbsolutePath().resolve("voipguard") + rest;
    }

    private static Path fresh(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                try (var files = Files.walk(directory)) {
                    for (Path path : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + directory, e);
        }
    }

    /** CPU time of the whole process (all threads, the collector's too): steadier than wall time on a busy machine. */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%d MB", Math.round(bytes / 1048576.0));
    }

    /** The run's arguments. */
    public record Options(BenchData.Sizes sizes, Path directory, long seed, boolean reuseData,
            String extraDatabaseSettings, List<String> applicationArguments, List<String> registrationFormats,
            String database, String postgresqlServer, String postgresqlDatabase) {

        boolean onPostgreSql() {
            return "postgresql".equals(database);
        }

        public static Options parse(String... args) {
            int numbers = 100_000;
            long cdrs = 1_000_000;
            long registrations = 1_000_000;
            Path directory = Path.of("target", "bench");
            long seed = 1;
            boolean reuse = false;
            String databaseSettings = "";
            String database = "h2";
            String postgresqlServer = "jdbc:postgresql://127.0.0.1:5432/";
            String postgresqlDatabase = "voipguard_bench";
            List<String> application = new ArrayList<>();
            List<String> formats = List.of();
            for (String arg : args) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                if (arg.startsWith("--numbers=")) {
                    numbers = Integer.parseInt(value);
                } else if (arg.startsWith("--cdrs=")) {
                    cdrs = Long.parseLong(value);
                } else if (arg.startsWith("--registrations=")) {
                    registrations = Long.parseLong(value);
                } else if (arg.startsWith("--dir=")) {
                    directory = Path.of(value);
                } else if (arg.startsWith("--seed=")) {
                    seed = Long.parseLong(value);
                } else if (arg.startsWith("--h2-settings=")) {
                    databaseSettings = value.startsWith(";") ? value : ";" + value;
                } else if (arg.startsWith("--registration-formats=")) {
                    formats = List.of(value.split(","));
                } else if (arg.startsWith("--database=") && List.of("h2", "postgresql").contains(value)) {
                    database = value;
                } else if (arg.startsWith("--postgresql-server=")) {
                    postgresqlServer = value.endsWith("/") ? value : value + "/";
                } else if (arg.startsWith("--postgresql-database=")) {
                    if (!value.matches("[a-z][a-z0-9_]{0,40}")) {
                        throw new IllegalArgumentException("--postgresql-database=" + value + ": a database name here is"
                                + " a lowercase letter, then up to 40 lowercase letters, digits or _");
                    }
                    postgresqlDatabase = value;
                } else if (arg.equals("--reuse-data")) {
                    reuse = true;
                } else if (arg.startsWith("--spring.") || arg.startsWith("--voipguard.") || arg.startsWith("--logging.")) {
                    application.add(arg);
                } else {
                    throw new IllegalArgumentException("unknown argument " + arg + " (use --numbers=N --cdrs=M "
                            + "--registrations=K --registration-formats=kamailio,asterisk-log,asterisk-security --dir=DIR"
                            + " --seed=S --reuse-data --database=h2|postgresql --postgresql-server=URL --postgresql-database=NAME"
                            + " --h2-settings=K=V;..., --spring.*, --voipguard.*)");
                }
            }
            return new Options(new BenchData.Sizes(numbers, cdrs, registrations), directory, seed, reuse,
                    databaseSettings, List.copyOf(application), formats, database, postgresqlServer, postgresqlDatabase);
        }
    }
}
