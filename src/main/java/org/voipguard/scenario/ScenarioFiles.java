package org.voipguard.scenario;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.voipguard.cdr.CdrLineParser;
import org.voipguard.config.VoipGuardProperties.PolicyDefaults;
import org.voipguard.blocklist.Allowlist;
import org.voipguard.numbers.EffectiveSettings;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.registration.RegistrationCsvLineParser;
import org.voipguard.thresholds.ThresholdFileException;
import org.voipguard.thresholds.Thresholds;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the scenario files of {@code rules/tests/}. A file is a YAML list of scenarios; every
 * value is read as text (a number such as {@code +441632960001} needs no quotes), and every
 * mistake is reported with the file and line.
 */
public final class ScenarioFiles {

    public static final String CDR_HEADER = String.join(",", CdrLineParser.HEADER);
    public static final String REGISTRATION_HEADER = RegistrationCsvLineParser.HEADER;

    private static final String SCENARIO = "scenario";
    private static final String NUMBERS = "numbers";
    private static final String CLOSED_MONTHS = "closed_months";
    private static final String BEFORE = "before";
    private static final String CDRS = "cdrs";
    private static final String REGISTRATIONS = "registrations";
    private static final String THRESHOLDS = "thresholds";
    private static final String EXPECT = "expect";
    private static final String ALLOWLIST = "allowlist";
    private static final List<String> SCENARIO_KEYS =
            List.of(SCENARIO, NUMBERS, CLOSED_MONTHS, THRESHOLDS, ALLOWLIST, BEFORE, CDRS, REGISTRATIONS, EXPECT);
    private static final String MONTH_END = "month_end";
    private static final List<String> BEFORE_KEYS = List.of(CDRS, REGISTRATIONS, MONTH_END);
    private static final List<String> ALERT_KEYS = List.of("type", "number", "address", "rule", "severity");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private ScenarioFiles() {
    }

    /** The scenario files ({@code *.yaml}, {@code *.yml}) of a directory, in name order. */
    public static List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /**
     * The scenarios of one file.
     *
     * @param defaults the configured policy defaults, for the settings a scenario leaves empty
     * @throws ScenarioFormatException at the first mistake, naming the file and line
     */
    public static List<Scenario> read(Path file, PolicyDefaults defaults) {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new ScenarioFormatException(file, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1,
                    "not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new ScenarioFormatException(file, 0, "not valid YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ScenarioFormatException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        return new Reading(file, defaults).scenarios(root);
    }

    /** The reading of one file, which every message names. */
    private record Reading(Path file, PolicyDefaults defaults) {

        List<Scenario> scenarios(Node root) {
            if (root == null) {
                return List.of();
            }
            if (!(root instanceof SequenceNode list)) {
                throw error(root, "a scenario file is a list of scenarios, each starting with \"- scenario: what it shows\"");
            }
            List<Scenario> scenarios = new ArrayList<>();
            for (Node item : list.getValue()) {
                scenarios.add(scenario(item));
            }
            return scenarios;
        }

        private Scenario scenario(Node node) {
            Map<String, Node> fields = mapping(node, SCENARIO_KEYS, "a scenario");
            if (!fields.containsKey(SCENARIO)) {
                throw error(node, "a scenario needs a name: \"- scenario: what it shows\"");
            }
            String name = scalar(fields.get(SCENARIO), SCENARIO);
            if (!fields.containsKey(EXPECT)) {
                throw error(node, "scenario \"" + name + "\" says nothing it expects: add \"expect: none\" or a list "
                        + "of alerts (- type: ..., number: ...)");
            }
            Scenario.Rows before = fields.containsKey(BEFORE) ? before(fields.get(BEFORE)) : Scenario.Rows.none();
            return new Scenario(file, node.getStartMark().getLine() + 1, name,
                    fields.containsKey(NUMBERS) ? numbers(fields.get(NUMBERS)) : List.of(),
                    fields.containsKey(CLOSED_MONTHS) ? months(fields.get(CLOSED_MONTHS)) : Set.of(),
                    fields.containsKey(THRESHOLDS) ? thresholds(fields.get(THRESHOLDS)) : null,
                    fields.containsKey(ALLOWLIST) ? allowlist(fields.get(ALLOWLIST)) : Allowlist.empty(),
                    before,
                    new Scenario.Rows(rows(fields.get(CDRS), CDR_HEADER),
                            rows(fields.get(REGISTRATIONS), REGISTRATION_HEADER), null),
                    expected(fields.get(EXPECT)));
        }

        private Scenario.Rows before(Node node) {
            Map<String, Node> fields = mapping(node, BEFORE_KEYS, "\"before\"");
            String monthEnd = null;
            if (fields.containsKey(MONTH_END)) {
                monthEnd = scalar(fields.get(MONTH_END), MONTH_END).strip();
                if (!MONTH.matcher(monthEnd).matches()) {
                    throw error(fields.get(MONTH_END), "month_end: \"" + monthEnd + "\" is not a month like 2026-10");
                }
            }
            return new Scenario.Rows(rows(fields.get(CDRS), CDR_HEADER),
                    rows(fields.get(REGISTRATIONS), REGISTRATION_HEADER), monthEnd);
        }

        private List<NumberSettings> numbers(Node node) {
            List<Scenario.Row> lines = lines(node, NUMBERS);
            if (lines.isEmpty()) {
                return List.of();
            }
            List<String> header = Arrays.stream(lines.get(0).text().split(",", -1))
                    .map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            List<NumberSettings> numbers = new ArrayList<>();
            for (Scenario.Row row : lines.subList(1, lines.size())) {
                List<String> cells = cells(row);
                if (cells.size() != header.size()) {
                    throw new ScenarioFormatException(file, row.line(), "numbers: the header has " + header.size()
                            + " columns, this row " + cells.size() + " (quote a cell that holds commas)");
                }
                Map<String, String> byColumn = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    byColumn.put(header.get(i), cells.get(i));
                }
                try {
                    numbers.add(EffectiveSettings.fromRow(byColumn, defaults));
                } catch (IllegalArgumentException e) {
                    throw new ScenarioFormatException(file, row.line(), "numbers: " + e.getMessage(), e);
                }
            }
            return numbers;
        }

        private List<String> cells(Scenario.Row row) {
            try (CSVParser parser = CSVParser.parse(row.text(), CSVFormat.DEFAULT)) {
                List<CSVRecord> records = parser.getRecords();
                return records.isEmpty() ? List.of() : records.get(0).toList();
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                throw new ScenarioFormatException(file, row.line(), "numbers: not a CSV row: " + e.getMessage(), e);
            }
        }

        /** The scenario's own thresholds file: its rows, with or without the header line. */
        private Thresholds thresholds(Node node) {
            List<Scenario.Row> lines = new ArrayList<>(lines(node, THRESHOLDS));
            if (!lines.isEmpty() && lines.get(0).text().replace(" ", "").startsWith("profile,")) {
                lines.remove(0);
            }
            StringBuilder text = new StringBuilder(String.join(",", Thresholds.COLUMNS)).append('\n');
            lines.forEach(row -> text.append(row.text()).append('\n'));
            try {
                return Thresholds.parse(new StringReader(text.toString()), THRESHOLDS);
            } catch (ThresholdFileException e) {
                int line = e.line() > 1 ? lines.get((int) e.line() - 2).line() : node.getStartMark().getLine() + 1;
                throw new ScenarioFormatException(file, line, THRESHOLDS + ": " + e.problem());
            }
        }

        /** The scenario's allowlist: addresses and CIDR blocks, one or more a line. */
        private Allowlist allowlist(Node node) {
            List<Scenario.Row> lines = lines(node, ALLOWLIST);
            for (Scenario.Row row : lines) {
                try {
                    Allowlist.parse(new StringReader(row.text()), ALLOWLIST);
                } catch (IllegalArgumentException e) {
                    throw new ScenarioFormatException(file, row.line(), e.getMessage());
                }
            }
            StringBuilder text = new StringBuilder();
            lines.forEach(row -> text.append(row.text()).append('\n'));
            return Allowlist.parse(new StringReader(text.toString()), ALLOWLIST);
        }

        private Set<String> months(Node node) {
            Set<String> months = new TreeSet<>();
            List<Node> items = node instanceof SequenceNode list ? list.getValue() : List.of(node);
            for (Node item : items) {
                for (String month : scalar(item, CLOSED_MONTHS).split("[,\\s]+")) {
                    if (month.isEmpty()) {
                        continue;
                    }
                    if (!MONTH.matcher(month).matches()) {
                        throw error(item, "closed_months: \"" + month + "\" is not a month like 2026-10");
                    }
                    months.add(month);
                }
            }
            return months;
        }

        /** Rows without blank lines and comments, the canonical header left out when present. */
        private List<Scenario.Row> rows(Node node, String header) {
            if (node == null) {
                return List.of();
            }
            List<Scenario.Row> rows = new ArrayList<>(lines(node, header.equals(CDR_HEADER) ? CDRS : REGISTRATIONS));
            if (!rows.isEmpty() && rows.get(0).text().replace(" ", "").equals(header)) {
                rows.remove(0);
            }
            return rows;
        }

        /** The lines of a block of rows ({@code |} then one row a line) or of a list of rows. */
        private List<Scenario.Row> lines(Node node, String key) {
            List<Scenario.Row> lines = new ArrayList<>();
            if (node instanceof SequenceNode list) {
                for (Node item : list.getValue()) {
                    lines.add(new Scenario.Row(item.getStartMark().getLine() + 1, scalar(item, key)));
                }
            } else if (node instanceof ScalarNode scalar) {
                if (scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED) {
                    throw error(node, key + ": write the rows after \"|\", not \">\", so that each row stays on its line");
                }
                boolean block = scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL;
                int first = node.getStartMark().getLine() + (block ? 2 : 1);
                List<String> texts = scalar.getValue().lines().toList();
                for (int i = 0; i < texts.size(); i++) {
                    lines.add(new Scenario.Row(first + i, texts.get(i)));
                }
            } else {
                throw error(node, key + ": give the rows after \"" + key + ": |\", one a line");
            }
            lines.removeIf(row -> row.text().isBlank() || row.text().strip().startsWith("#"));
            return lines;
        }

        private List<ExpectedAlert> expected(Node node) {
            if (node instanceof ScalarNode scalar && scalar.getValue().strip().equalsIgnoreCase("none")) {
                return List.of();
            }
            if (!(node instanceof SequenceNode list)) {
                throw error(node, "expect: \"none\", or a list of alerts such as "
                        + "\"- { type: RATE_LIMIT_EXCEEDED, number: +441632960001 }\"");
            }
            List<ExpectedAlert> expected = new ArrayList<>();
            for (Node item : list.getValue()) {
                Map<String, Node> fields = mapping(item, ALERT_KEYS, "an expected alert");
                if (!fields.containsKey("type") || fields.containsKey("number") == fields.containsKey("address")) {
                    throw error(item, "an expected alert needs a type and a number, or for an alert about an address"
                            + " (AUTH_FAILURES, SCANNER) a type and an address (the rule and severity are optional)");
                }
                expected.add(new ExpectedAlert(scalar(fields.get("type"), "type").strip(),
                        fields.containsKey("number") ? scalar(fields.get("number"), "number").strip() : null,
                        fields.containsKey("address") ? scalar(fields.get("address"), "address").strip() : null,
                        fields.containsKey("rule") ? scalar(fields.get("rule"), "rule").strip() : null,
                        fields.containsKey("severity") ? severity(fields.get("severity")) : null));
            }
            return expected;
        }

        private String severity(Node node) {
            String severity = scalar(node, "severity").strip();
            if (!severity.equals("WARNING") && !severity.equals("CRITICAL")) {
                throw error(node, "severity: WARNING or CRITICAL, not " + severity);
            }
            return severity;
        }

        private Map<String, Node> mapping(Node node, List<String> allowed, String what) {
            if (!(node instanceof MappingNode mapping)) {
                throw error(node, what + " is a set of \"key: value\" lines (keys: " + String.join(", ", allowed) + ")");
            }
            Map<String, Node> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = scalar(tuple.getKeyNode(), "key");
                if (!allowed.contains(key)) {
                    throw error(tuple.getKeyNode(), "unknown key \"" + key + "\" in " + what + " (the keys are: "
                            + String.join(", ", allowed) + ")");
                }
                if (fields.put(key, tuple.getValueNode()) != null) {
                    throw error(tuple.getKeyNode(), "\"" + key + "\" is given twice");
                }
            }
            return fields;
        }

        private String scalar(Node node, String key) {
            if (!(node instanceof ScalarNode scalar)) {
                throw error(node, key + ": a single value is expected here");
            }
            return scalar.getValue();
        }

        private ScenarioFormatException error(Node node, String message) {
            return new ScenarioFormatException(file, node.getStartMark().getLine() + 1, message);
        }
    }
}
