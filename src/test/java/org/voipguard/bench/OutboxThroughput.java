package org.voipguard.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.notification.AlertStore;
import org.voipguard.rules.RaisedAlert;

/**
 * The outbox alone, on either database: stores alerts as an import would (rate-limit alerts
 * grouped by number and import, bill warnings, new User-Agent warnings, over the benchmark's
 * numbers, each with an address), then times, in one run, the bare write of as many small
 * files (the baseline), composing the emails and delivering them as {@code .eml} files.
 *
 * <p>Arguments: {@code --alerts=N} and the benchmark's {@code --numbers=N --dir=DIR
 * --database=h2|postgresql}.
 */
public final class OutboxThroughput {

    private static final int ALERTS_PER_IMPORT = 50_000;

    private OutboxThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int alerts = Arrays.stream(args).filter(arg -> arg.startsWith("--alerts=")).findFirst()
                .map(arg -> Integer.parseInt(arg.substring("--alerts=".length()))).orElse(100_000);
        Benchmark.Options options = Benchmark.Options.parse(Arrays.stream(args)
                .filter(arg -> !arg.startsWith("--alerts=")).toArray(String[]::new));
        Path runDir = Files.createDirectories(options.directory().resolve("outbox-run"));
        try (ConfigurableApplicationContext context = Benchmark.start(options, runDir)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            int numbers = options.sizes().numbers();
            storeNumbers(jdbc, numbers);
            storeAlerts(context.getBean(AlertStore.class), alerts, numbers);
            PrintWriter out = new PrintWriter(System.out, true);
            out.printf(Locale.ROOT, "%s, %,d alerts over %,d numbers%n", options.database(), alerts, numbers);
            Benchmark.PhaseTable table = new Benchmark.PhaseTable(out);
            table.row(Benchmark.timed("email bare write", () -> EmailPhases.bareWrite(jdbc, runDir.resolve("bare"))));
            table.row(Benchmark.timed("emails compose", () -> EmailPhases.compose(context)));
            table.row(Benchmark.timed("emails to .eml", () -> EmailPhases.deliver(context)));
        }
    }

    private static void storeNumbers(JdbcTemplate jdbc, int numbers) {
        OffsetDateTime now = OffsetDateTime.now();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < numbers; i++) {
            String number = BenchData.number(i);
            rows.add(new Object[] {number, "login-" + i, "n" + i + "@example.com", now});
        }
        jdbc.batchUpdate("INSERT INTO number_settings (number, login, number_email, updated_at) VALUES (?, ?, ?, ?)",
                rows);
    }

    private static void storeAlerts(AlertStore store, int alerts, int numbers) {
        for (int from = 0; from < alerts; from += ALERTS_PER_IMPORT) {
            List<RaisedAlert> batch = new ArrayList<>();
            for (int i = from; i < Math.min(alerts, from + ALERTS_PER_IMPORT); i++) {
                batch.add(alert(i, BenchData.number((int) ((i * 7919L) % numbers))));
            }
            store.store(batch, (long) from / ALERTS_PER_IMPORT + 1);
        }
    }

    private static RaisedAlert alert(int i, String number) {
        Map<String, String> facts = new LinkedHashMap<>();
        switch (i % 20) {
            case 0, 1, 2, 3, 4 -> {
                facts.put("month", "2026-" + (1 + i % 12));
                facts.put("spend_gbp", "10.40");
                facts.put("warning_level_gbp", "10.00");
                facts.put("level_reached_gbp", "10.00");
                return new RaisedAlert("BILL_WARNING", number, "BILL_WARNING:" + number + ":" + i, "P3 bill warning",
                        "bench", facts);
            }
            case 5, 6, 7 -> {
                facts.put("time", "2026-11-14T10:00:00Z");
                facts.put("user_agent", "Softphone/" + i % 97);
                facts.put("ip", "198.51.100." + i % 250);
                return new RaisedAlert("NEW_USER_AGENT", number, "NEW_USER_AGENT:" + i, "P5 new user agent", "bench",
                        facts);
            }
            default -> {
                facts.put("call_id", "call-" + i);
                facts.put("start_time", "2026-11-14T09:15:00Z");
                facts.put("dialled", "+4490" + (10_000_000 + i));
                facts.put("class", "national premium");
                facts.put("price_ppm", "150");
                facts.put("limit_ppm", "20");
                return new RaisedAlert("RATE_LIMIT_EXCEEDED", number, "RATE_LIMIT_EXCEEDED:call-" + i,
                        "P1 national call above the number's limit", "bench", facts);
            }
        }
    }
}
