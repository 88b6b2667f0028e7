package org.voipguard.thresholds;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The thresholds file analysts edit ({@code rules/thresholds.csv}): for each profile and check,
 * the counts that raise a warning and a critical alert, per dialled prefix, days and hours.
 * A number uses its own profile's rows for a check and, where its profile has none for that
 * check, the {@code default} profile's. Among the rows that apply to a call, the longest prefix
 * wins, then a row restricted to some days or hours, then the later row in the file. A check no
 * row applies to, or whose row is {@code 0} or empty, is off.
 */
public final class Thresholds {

    public static final String FILE_NAME = "thresholds.csv";
    public static final String DEFAULT_PROFILE = "default";

    public static final List<String> COLUMNS =
            List.of("profile", "check", "prefix", "days", "hours", "warning", "critical", "window", "quiet", "ban");

    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{0,15}");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})([smhd])");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true)
            .setTrim(true).get();

    private static final Thresholds NONE = new Thresholds(List.of());

    private static final Comparator<Threshold> MOST_SPECIFIC_FIRST =
            Comparator.comparingInt(Threshold::specificity).thenComparingLong(Threshold::line).reversed();

    private final List<Threshold> rows;
    /** Per profile and check, its rows most specific first: looked up for every call of an import. */
    private final Map<String, Map<Check, List<Threshold>>> candidates = new HashMap<>();

    private Thresholds(List<Threshold> rows) {
        this.rows = List.copyOf(rows);
        for (Threshold row : this.rows) {
            candidates.computeIfAbsent(row.profile(), p -> new EnumMap<>(Check.class))
                    .computeIfAbsent(row.check(), c -> new ArrayList<>()).add(row);
        }
        candidates.values().forEach(byCheck -> byCheck.replaceAll((check, list) -> list.stream()
                .sorted(MOST_SPECIFIC_FIRST).toList()));
    }

    /** No row at all: every check is off. */
    public static Thresholds none() {
        return NONE;
    }

    /** Reads {@code thresholds.csv} from the rules folder; a folder without one switches every check off. */
    public static Thresholds fromRulesDir(Path rulesDir) {
        Path file = rulesDir.resolve(FILE_NAME);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (NoSuchFileException e) {
            return none();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses the file's text; {@code name} is how messages call the file. */
    public static Thresholds parse(Reader text, String name) {
        try (CSVParser parser = CSVParser.builder().setReader(text).setFormat(FORMAT).get()) {
            List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new ThresholdFileException(name, 0, "the header lacks the column(s) " + String.join(", ", missing)
                        + "; it must be " + String.join(",", COLUMNS));
            }
            List<Threshold> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(row(record, name));
            }
            return new Thresholds(rows);
        } catch (IOException | UncheckedIOException e) {
            throw new ThresholdFileException(name, 0, "not a CSV file: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new ThresholdFileException(name, 0, e.getMessage());
        }
    }

    /** Every row, in file order. */
    public List<Threshold> rows() {
        return rows;
    }

    /**
     * The row that applies to a call of a number with this profile, dialling these digits
     * (without {@code +}), starting at this local time; empty when the check is off for it.
     */
    public Optional<Threshold> forCall(String profile, Check check, String dialledDigits, ZonedDateTime localStart) {
        for (Threshold row : applying(profile, check)) {
            if (row.appliesTo(dialledDigits) && row.appliesAt(localStart)) {
                return row.isOff() ? Optional.empty() : Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** True when some row sets a threshold for a check about calls: else the call checks need not run. */
    public boolean anyCallCheckOn() {
        return rows.stream().anyMatch(row -> row.check().isAboutCalls() && !row.isOff());
    }

    /** The row of a check not about calls (the {@code default} profile's last row for it), if on. */
    public Optional<Threshold> forCheck(Check check) {
        return applying(DEFAULT_PROFILE, check).stream().findFirst().filter(row -> !row.isOff());
    }

    /**
     * How long an address an alert of this check is about stays on the blocklist: the ban of the
     * {@code default} profile's row for it, whether or not its counts are off; zero when none.
     */
    public Duration banOf(Check check) {
        return applying(DEFAULT_PROFILE, check).stream()
                .max(Comparator.comparingInt(Threshold::specificity).thenComparingLong(Threshold::line))
                .map(Threshold::ban).orElse(Duration.ZERO);
    }

    /** The profiles the file names. */
    public List<String> profiles() {
        return rows.stream().map(Threshold::profile).distinct().toList();
    }

    /** The rows of the profile for the check, else the default profile's, most specific first. */
    private List<Threshold> applying(String profile, Check check) {
        List<Threshold> own = candidates.getOrDefault(profile, Map.of()).getOrDefault(check, List.of());
        if (!own.isEmpty() || DEFAULT_PROFILE.equals(profile)) {
            return own;
        }
        return candidates.getOrDefault(DEFAULT_PROFILE, Map.of()).getOrDefault(check, List.of());
    }

    private static Threshold row(CSVRecord record, String name) {
        long line = record.getParser().getCurrentLineNumber();
        Cells cells = new Cells(record, name, line);
        String profile = cells.get("profile", text -> {
            if (!PROFILE.matcher(text).matches()) {
                throw new IllegalArgumentException("not a profile name (letters, digits, . _ -): " + text);
            }
            return text;
        });
        Check check = cells.get("check", Thresholds::check);
        String prefix = cells.get("prefix", text -> {
            String digits = text.startsWith("+") ? text.substring(1) : text;
            if (!DIGITS.matcher(digits).matches()) {
                throw new IllegalArgumentException("not a dialled prefix (digits, e.g. 44 or 882): " + text);
            }
            return digits;
        });
        DaysOfWeek days = cells.get("days", DaysOfWeek::parse);
        HourRange hours = cells.get("hours", HourRange::parse);
        long warning = cells.get("warning", Thresholds::count);
        long critical = cells.get("critical", Thresholds::count);
        Duration window = cells.get("window", Thresholds::duration);
        Duration quiet = cells.get("quiet", Thresholds::duration);
        Duration ban = cells.get("ban", Thresholds::duration);
        if (!check.isAboutCalls() && (!prefix.isEmpty() || !days.isEveryDay() || !hours.isAllDay())) {
            throw new ThresholdFileException(name, line,
                    check + " is not about calls: leave prefix, days and hours empty");
        }
        if (warning > 0 && critical > 0 && warning > critical) {
            throw new ThresholdFileException(name, line, "field warning: " + warning + " is above the critical threshold "
                    + critical);
        }
        return new Threshold(profile, check, prefix, days, hours, warning, critical, window, quiet, ban, line);
    }

    private static Check check(String text) {
        try {
            return Check.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a check (one of " + List.of(Check.values()) + "): " + text);
        }
    }

    private static long count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        if (!COUNT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a whole number (0 or empty is off): " + text);
        }
        return Long.parseLong(text);
    }

    /** A duration as the file writes one ({@code 60s}, {@code 5m}, {@code 1h}, {@code 1d}); empty is zero. */
    public static Duration duration(String text) {
        if (text.isEmpty()) {
            return Duration.ZERO;
        }
        var matcher = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration such as 60s, 5m, 1h or 1d: " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** A record's cells, each parsed with a message naming the file, line and field when it fails. */
    private record Cells(CSVRecord record, String name, long line) {

        <T> T get(String field, java.util.function.Function<String, T> parse) {
            String text = record.isSet(field) ? record.get(field) : "";
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new ThresholdFileException(name, line, "field " + field + ": " + e.getMessage());
            }
        }
    }
}
