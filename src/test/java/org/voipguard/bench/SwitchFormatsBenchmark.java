package org.voipguard.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.voipguard.VoipGuardApplication;
import org.voipguard.cli.CommandLineLauncher;

/**
 * The import rate of each CDR format on generated files of the same calls, measured in one run
 * on a fresh embedded database: {@code cdrs import --no-email --format F FILE} per format, the
 * canonical CSV first. Each file has {@code --lines=N} lines (default 1,000,000; a Kamailio call
 * is two lines, its INVITE and its BYE). Arguments: {@code --lines=N --dir=DIR}; others
 * ({@code --voipguard.*}, {@code --spring.*}) go to the application.
 */
public final class SwitchFormatsBenchmark {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(LONDON);
    private static final long START = Instant.parse("2026-10-01T00:00:00Z").getEpochSecond();
    private static final long SPAN = 28L * 24 * 3600;
    private static final String[] DIALLED = {"01632960999", "07700900123", "0033140000000", "01614960000",
        "0018765550123", "02079460123"};
    private static final String[] FORMATS = {"csv", "asterisk-csv", "freeswitch-csv", "kamailio-acc"};

    private SwitchFormatsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long lines = 1_000_000;
        Path dir = Path.of("target/bench-formats");
        List<String> appArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--lines=")) {
                lines = Long.parseLong(arg.substring("--lines=".length()));
            } else if (arg.startsWith("--dir=")) {
                dir = Path.of(arg.substring("--dir=".length()));
            } else {
                appArgs.add(arg);
            }
        }
        Path runDir = Files.createDirectories(dir.resolve("run-" + System.currentTimeMillis()));
        List<Path> files = new ArrayList<>();
        for (String format : FORMATS) {
            files.add(write(dir.resolve(format + ".txt"), format, lines));
        }
        appArgs.add("--spring.datasource.url=" + Benchmark.databaseUrl(runDir));
        appArgs.add("--voipguard.outbox-dir=" + runDir.resolve("outbox"));
        appArgs.add("--voipguard.rejects-dir=" + runDir.resolve("rejects"));
        appArgs.add("--logging.level.org.voipguard=WARN");
        appArgs.add("--logging.level.org.springframework=WARN");
        PrintWriter out = new PrintWriter(System.out, true);
        try (ConfigurableApplicationContext context = new SpringApplication(VoipGuardApplication.class)
                .run(appArgs.toArray(String[]::new))) {
            for (int i = 0; i < FORMATS.length; i++) {
                StringWriter output = new StringWriter();
                long started = System.nanoTime();
                int exit = CommandLineLauncher.execute(context, new PrintWriter(output, true), new PrintWriter(output, true),
                        "cdrs", "import", "--no-email", "--format", FORMATS[i], files.get(i).toString());
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf(Locale.ROOT, "%-15s %,d lines in %.1f s: %,.0f records/s (exit %d)%n", FORMATS[i], lines,
                        seconds, lines / seconds, exit);
                output.toString().lines().filter(l -> l.contains(": ") && l.contains("records")).limit(1)
                        .forEach(l -> out.println("    " + l));
            }
        }
    }

    static Path write(Path file, String format, long lines) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (format.equals("csv")) {
                out.write("call_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status\n");
            }
            long calls = format.equals("kamailio-acc") ? lines / 2 : lines - (format.equals("csv") ? 1 : 0);
            for (long i = 0; i < calls; i++) {
                write(out, format, i, calls);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(BufferedWriter out, String format, long i, long calls) throws IOException {
        long start = START + i * SPAN / calls;
        int duration = (int) (i % 7 == 0 ? 0 : 30 + i % 600);
        String number = "4420794" + String.format("%05d", i % 20_000);
        String dialled = DIALLED[(int) (i % DIALLED.length)];
        String id = format + "-" + i;
        switch (format) {
            case "csv" -> out.write(String.join(",", id, "+" + number, "OUT",
                    Instant.ofEpochSecond(start).toString(), String.valueOf(duration), dialled, "", "",
                    duration == 0 ? "486" : "200") + "\n");
            case "asterisk-csv" -> out.write(String.join(",", "\"\"", q(number), q(dialled), q("from-customers"),
                    q("\"\"Caller, " + i + "\"\" <" + number + ">"), q("PJSIP/" + number + "-" + String.format("%08x", i)),
                    q("PJSIP/trunk-" + String.format("%08x", i + 1)), q("Dial"), q("PJSIP/" + dialled + "@trunk,60"),
                    q(local(start)), duration == 0 ? "\"\"" : q(local(start + 2)), q(local(start + 2 + duration)),
                    String.valueOf(duration + 2), String.valueOf(duration), q(duration == 0 ? "BUSY" : "ANSWERED"),
                    q("DOCUMENTATION"), q(start + "." + i), q(""), q(""), q(start + "." + i), "1") + "\n");
            case "freeswitch-csv" -> out.write(String.join(",", q("Caller " + i), q(number), q(dialled), q("default"),
                    q(local(start)), duration == 0 ? q("") : q(local(start + 2)), q(local(start + 2 + duration)),
                    q(String.valueOf(duration + 2)), q(String.valueOf(duration)),
                    q(duration == 0 ? "USER_BUSY" : "NORMAL_CLEARING"), q(uuid(i, 1)), q(uuid(i, 2)), q(number),
                    q("PCMA"), q("PCMA")) + "\n");
            default -> {
                String prefix = "Oct  1 09:00:00 sip1 /usr/sbin/kamailio[2315]: NOTICE: acc [acc.c:281]: acc_log_request(): ";
                String fields = ";from_tag=f" + i + ";to_tag=t" + i + ";call_id=" + id + "@192.0.2.10";
                String users = ";src_user=" + number + ";src_domain=sip.example.net;src_ip=192.0.2.10;dst_ouser="
                        + dialled + ";dst_user=" + dialled + ";dst_domain=sip.example.net\n";
                out.write(prefix + "ACC: transaction answered: timestamp=" + start + ";method=INVITE" + fields
                        + ";code=200;reason=OK" + users);
                out.write(prefix + "ACC: transaction answered: timestamp=" + (start + duration) + ";method=BYE" + fields
                        + ";code=200;reason=OK" + users);
            }
        }
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    private static String local(long epochSecond) {
        return LOCAL.format(Instant.ofEpochSecond(epochSecond));
    }

    private static String uuid(long i, int leg) {
        return String.format("%08x-0000-4000-8000-%012x", i, leg);
    }
}
