package org.voipguard.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * Writes a realistic, reproducible data set: a numbers settings CSV, a CDR file and a
 * registration log in the canonical formats. The same sizes and seed give the same files.
 *
 * <p>CDRs are in time order over October 2026: mostly national and mobile calls, some premium
 * rate and personal numbering calls and international calls above the default limits, a few
 * busy numbers whose spend crosses several warning levels, incoming calls, repeated call ids
 * and a few bad lines. Registrations come mostly from each number's own address and phone,
 * some from new addresses and new phones (blocked for numbers with an access list), scanners
 * with wrong passwords, de-registrations and a few bad lines.
 */
public final class BenchData {

    static final String NUMBERS_FILE = "numbers.csv";
    static final String CDR_FILE = "cdrs.csv";
    static final String REGISTRATION_FILE = "registrations.csv";
    private static final String MANIFEST_FILE = "manifest.properties";
    /** Changes whenever the generator writes different data for the same sizes and seed. */
    private static final int GENERATOR_VERSION = 1;

    static final long MONTH_START = Instant.parse("2026-10-01T00:00:00Z").getEpochSecond();
    static final long MONTH_SECONDS = 31L * 24 * 3600;
    /** British Summer Time ends at 01:00 UTC on the last Sunday of October. */
    private static final long BST_END = Instant.parse("2026-10-25T01:00:00Z").getEpochSecond();
    private static final ZoneOffset BST = ZoneOffset.ofHours(1);

    private static final String[] USER_AGENTS = {"snom300/8.7.3.25", "Yealink SIP-T46S 66.85.0.5",
        "FireBrick/1.30.004", "Grandstream GXP2170 1.0.11.23", "Linphone/5.2.0 (belle-sip/5.2.0)",
        "Zoiper rv2.10.19.5", "\"Cisco/SPA504G-7.6.2b, (build 12)\""};
    private static final String[] SCANNERS = {"friendly-scanner", "sipvicious", "VaxSIPUserAgent/3.1", "sipcli/v1.8"};

    private BenchData() {
    }

    /** The sizes of a data set. */
    public record Sizes(int numbers, long cdrs, long registrations) {

        public Sizes {
            if (numbers < 100 || cdrs < 0 || registrations < 0) {
                throw new IllegalArgumentException("at least 100 numbers, and no negative sizes");
            }
        }
    }

    /** What was written, so a run can check what it imported. */
    public record Written(Path numbersFile, Path cdrFile, Path registrationFile, long cdrLines, long badCdrLines,
            long repeatedCallIds, long registrationLines, long badRegistrationLines) {
    }

    public static Written write(Path directory, Sizes sizes, long seed) {
        try {
            Files.createDirectories(directory);
            Path numbers = directory.resolve(NUMBERS_FILE);
            Path cdrs = directory.resolve(CDR_FILE);
            Path registrations = directory.resolve(REGISTRATION_FILE);
            writeNumbers(numbers, sizes.numbers(), new SplittableRandom(seed));
            long[] cdrCounts = writeCdrs(cdrs, sizes, new SplittableRandom(seed + 1));
            long badRegistrations = writeRegistrations(registrations, sizes, new SplittableRandom(seed + 2));
            Written written = new Written(numbers, cdrs, registrations, sizes.cdrs(), cdrCounts[0], cdrCounts[1],
                    sizes.registrations(), badRegistrations);
            writeManifest(directory, sizes, seed, written);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark data in " + directory, e);
        }
    }

    /** The data set already in the directory, if it was written with these sizes and seed. */
    public static Optional<Written> existing(Path directory, Sizes sizes, long seed) {
        Path manifest = directory.resolve(MANIFEST_FILE);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (var in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!identity(sizes, seed).equals(values.getProperty("identity"))) {
            return Optional.empty();
        }
        return Optional.of(new Written(directory.resolve(NUMBERS_FILE), directory.resolve(CDR_FILE),
                directory.resolve(REGISTRATION_FILE), sizes.cdrs(), Long.parseLong(values.getProperty("badCdrLines")),
                Long.parseLong(values.getProperty("repeatedCallIds")), sizes.registrations(),
                Long.parseLong(values.getProperty("badRegistrationLines"))));
    }

    private static void writeManifest(Path directory, Sizes sizes, long seed, Written written) throws IOException {
        Properties values = new Properties();
        values.setProperty("identity", identity(sizes, seed));
        values.setProperty("badCdrLines", Long.toString(written.badCdrLines()));
        values.setProperty("repeatedCallIds", Long.toString(written.repeatedCallIds()));
        values.setProperty("badRegistrationLines", Long.toString(written.badRegistrationLines()));
        try (var out = Files.newBufferedWriter(directory.resolve(MANIFEST_FILE), StandardCharsets.UTF_8)) {
            values.store(out, "benchmark data set");
        }
    }

    private static String identity(Sizes sizes, long seed) {
        return GENERATOR_VERSION + "/" + sizes.numbers() + "/" + sizes.cdrs() + "/" + sizes.registrations() + "/" + seed;
    }

    static String number(int index) {
        return "+44207" + String.format("%07d", index);
    }

    /** Numbers ending in 0..4 of every hundred have an access list. */
    static boolean hasAccessList(int index) {
        return index % 100 < 5;
    }

    static String homeIp(int index) {
        if (index % 20 == 7) {
            return "2001:db8:" + Integer.toHexString(index >>> 16) + ":" + Integer.toHexString(index & 0xffff) + "::10";
        }
        return "10." + ((index >>> 16) & 255) + "." + ((index >>> 8) & 255) + "." + (index & 255);
    }

    private static void writeNumbers(Path file, int count, SplittableRandom random) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("number,login,number_email,login_email,national_limit_ppm,international_limit_ppm,"
                    + "ip_access_list,ip_agent_notify,bill_warning_level_gbp\n");
            StringBuilder line = new StringBuilder(200);
            for (int i = 0; i < count; i++) {
                String customer = "cust" + (i / 4);
                int limits = random.nextInt(100);
                int notify = random.nextInt(100);
                int level = random.nextInt(100);
                line.setLength(0);
                line.append(number(i)).append(',').append(customer).append(',')
                        .append(random.nextInt(100) < 60 ? "n" + i + "@" + customer + ".example" : "").append(',')
                        .append(random.nextInt(100) < 80 ? "billing@" + customer + ".example" : "").append(',')
                        .append(limits < 15 ? "30" : limits < 18 ? "10" : "").append(',')
                        .append(limits < 15 ? "5" : "").append(',')
                        .append(hasAccessList(i) ? accessList(i) : "").append(',')
                        .append(notify < 10 ? "NEW_AGENT" : notify < 15 ? "NONE" : "").append(',')
                        .append(level < 15 ? "25.00" : level < 20 ? "5.00" : "").append('\n');
                out.append(line);
            }
        }
    }

    private static String accessList(int index) {
        String home = homeIp(index);
        return home.contains(":") ? home + "/128" : "\"" + home + "/32, 192.0.2.0/29\"";
    }

    /** Returns {bad lines, repeated call ids}. */
    private static long[] writeCdrs(Path file, Sizes sizes, SplittableRandom random) throws IOException {
        long bad = 0;
        long repeated = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("call_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status\n");
            StringBuilder line = new StringBuilder(160);
            for (long i = 0; i < sizes.cdrs(); i++) {
                line.setLength(0);
                int kind = random.nextInt(10_000);
                if (kind < 10) {
                    bad++;
                    line.append(badCdr(i, kind, sizes.numbers()));
                } else {
                    boolean repeat = kind < 30 && i > 1000;
                    if (repeat) {
                        repeated++;
                    }
                    cdr(line, repeat ? i - 1000 : i, i, sizes, random);
                }
                out.append(line).append('\n');
            }
        }
        return new long[] {bad, repeated};
    }

    private static void cdr(StringBuilder line, long callIndex, long lineIndex, Sizes sizes, SplittableRandom random) {
        int number = pickNumber(sizes.numbers(), random);
        boolean out = random.nextInt(100) < 85;
        int answered = random.nextInt(100);
        int duration = answered < 85 ? (int) Math.min(6 * 3600, -Math.log(1 - random.nextDouble()) * 180) : 0;
        line.append("c-").append(callIndex).append("-").append(Long.toHexString(callIndex * 2654435761L & 0xffffff))
                .append(',').append(number(number)).append(',').append(out ? "OUT" : "IN").append(',')
                .append(time(MONTH_START + lineIndex * MONTH_SECONDS / Math.max(1, sizes.cdrs()))).append(',')
                .append(duration).append(',');
        line.append(out ? called(random) : "+44207" + String.format("%07d", random.nextInt(10_000_000))).append(',');
        int priced = random.nextInt(100);
        line.append(priced < 8 ? "1.2" : "").append(',');
        line.append(priced == 99 ? "0.0500" : "").append(',');
        line.append(answered < 85 ? "200" : answered < 93 ? "486" : answered < 98 ? "487" : "404");
    }

    /** One number in a hundred is busy: together they make a fifth of the calls. */
    static int pickNumber(int numbers, SplittableRandom random) {
        if (random.nextInt(5) == 0) {
            return random.nextInt(Math.max(1, numbers / 100)) * 100 + 50;
        }
        return random.nextInt(numbers);
    }

    private static String called(SplittableRandom random) {
        int kind = random.nextInt(1000);
        int n = random.nextInt(1000);
        String three = String.format("%03d", n);
        if (kind < 300) {
            return "01632 960" + three;
        } else if (kind < 420) {
            return "020794600" + (n % 10) + (n / 100);
        } else if (kind < 470) {
            return "+441632960" + three;
        } else if (kind < 500) {
            return "0044 1632 960" + three;
        } else if (kind < 700) {
            return "07700 900" + three;
        } else if (kind < 780) {
            return "+447700900" + three;
        } else if (kind < 800) {
            return "0800 123 4" + three;
        } else if (kind < 810) {
            return "0909 879 0" + three;
        } else if (kind < 815) {
            return "07010 000" + three;
        } else if (kind < 880) {
            return "+1 202 555 0" + three;
        } else if (kind < 910) {
            return "00353 1 555 0" + three;
        } else if (kind < 940) {
            return "0091 98100 00" + three;
        } else if (kind < 965) {
            return "0033 1 40 00 0" + three;
        } else if (kind < 985) {
            return "+49 30 1234 5" + three;
        } else if (kind < 997) {
            return "+61 2 9374 4" + three;
        } else if (kind < 999) {
            return "+53 7 833 4" + three;
        }
        return "+882 16 0012 3" + three;
    }

    private static String badCdr(long i, int kind, int numbers) {
        String number = number((int) (i % numbers));
        return switch (kind % 4) {
            case 0 -> "b-" + i + "," + number + ",OUT,2026-10-99T10:00:00Z,60,01632960001,,,200";
            case 1 -> "b-" + i + "," + number + ",OUT,2026-10-02T10:00:00Z,60,+999 123,,,200";
            case 2 -> "b-" + i + "," + number + ",SIDEWAYS,2026-10-02T10:00:00Z,60,01632960001,,,200";
            default -> "b-" + i + "," + number + ",OUT,2026-10-02T10:00:00Z";
        };
    }

    private static long writeRegistrations(Path file, Sizes sizes, SplittableRandom random) throws IOException {
        long bad = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("time,number,source_ip,source_port,transport,user_agent,auth_result,expires_s\n");
            StringBuilder line = new StringBuilder(160);
            for (long i = 0; i < sizes.registrations(); i++) {
                line.setLength(0);
                int index = random.nextInt(sizes.numbers());
                String time = time(MONTH_START + i * MONTH_SECONDS / Math.max(1, sizes.registrations()));
                int kind = random.nextInt(10_000);
                if (kind < 10) {
                    bad++;
                    line.append(time).append(',').append(number(index)).append(",999.1.2.3,5060,UDP,x,OK,3600");
                } else {
                    registration(line, time, index, kind, random);
                }
                out.append(line).append('\n');
            }
        }
        return bad;
    }

    private static void registration(StringBuilder line, String time, int index, int kind, SplittableRandom random) {
        String ip = homeIp(index);
        String agent = USER_AGENTS[index % USER_AGENTS.length];
        String result = "OK";
        String expires = "3600";
        int port = 5060;
        String transport = "UDP";
        if (kind < 300) {
            ip = "198.18." + random.nextInt(256) + "." + random.nextInt(256);
        } else if (kind < 400) {
            agent = agent.replace("\"", "") + " upgraded";
            agent = agent.contains(",") ? "\"" + agent + "\"" : agent;
        } else if (kind < 1000) {
            ip = "185.53." + random.nextInt(256) + "." + random.nextInt(256);
            agent = SCANNERS[random.nextInt(SCANNERS.length)];
            result = random.nextBoolean() ? "BAD_PASSWORD" : "UNKNOWN_USER";
            port = 5000 + random.nextInt(1000);
        } else if (kind < 1200) {
            expires = "0";
        } else if (kind < 1300) {
            port = 5061;
            transport = "TLS";
        }
        line.append(time).append(',').append(number(index)).append(',').append(ip).append(',').append(port)
                .append(',').append(transport).append(',').append(agent).append(',').append(result).append(',')
                .append(expires);
    }

    private static String time(long epochSecond) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atOffset(epochSecond < BST_END ? BST : ZoneOffset.UTC));
    }
}
