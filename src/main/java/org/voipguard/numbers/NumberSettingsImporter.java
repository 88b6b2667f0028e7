package org.voipguard.numbers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.voipguard.command.Failures;
import org.voipguard.command.UsageException;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.text.RejectsFile;

/**
 * Loads or updates per-number settings from the settings CSV (SPEC "Per-number settings").
 * Good rows are written in one transaction; each bad field is reported with its line and goes
 * to {@code <rejectsDir>/<file name>.rejects.csv}. A missing file or a wrong header refuses the
 * whole file.
 */
@Component
public class NumberSettingsImporter {

    private static final CSVFormat SETTINGS_CSV = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String ROW = "row";

    private static final String UPDATE = "UPDATE number_settings SET login = :login, number_email = :numberEmail,"
            + " login_email = :loginEmail, national_limit_ppm = :national, international_limit_ppm = :international,"
            + " ip_access_list = :accessList, ip_agent_notify = :notify, bill_warning_level_gbp = :level,"
            + " threshold_profile = :profile, updated_at = :now WHERE number = :number";
    private static final String INSERT = "INSERT INTO number_settings (number, login, number_email, login_email,"
            + " national_limit_ppm, international_limit_ppm, ip_access_list, ip_agent_notify,"
            + " bill_warning_level_gbp, auto_warning_level_gbp, threshold_profile, updated_at) VALUES (:number, :login,"
            + " :numberEmail, :loginEmail, :national, :international, :accessList, :notify, :level, NULL, :profile,"
            + " :now)";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Path rejectsDir;
    private final SettingsVersion settingsVersion;
    private final SettingsRowValidator validator = new SettingsRowValidator();

    public NumberSettingsImporter(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            VoipGuardProperties properties, SettingsVersion settingsVersion) {
        this.jdbc = jdbc;
        this.settingsVersion = settingsVersion;
        this.transaction = new TransactionTemplate(transactionManager);
        this.rejectsDir = properties.rejectsDir();
    }

    /**
     * Imports one settings file.
     *
     * @throws UsageException when the file is missing, unreadable, not UTF-8 or its header is wrong
     */
    public NumberImportReport importFile(Path file) {
        String text = readUtf8(file);
        List<SettingsRejection> rejections = new ArrayList<>();
        List<SettingsRow> rows = new ArrayList<>();
        int rowsRead = parse(file, text, rows, rejections);
        int[] insertedUpdated = transaction.execute(status -> {
            int[] counts = upsertAll(rows);
            settingsVersion.bump();
            return counts;
        });
        Path rejectsFile = writeRejects(file, rejections);
        return new NumberImportReport(file, rowsRead, insertedUpdated[0], insertedUpdated[1], rejections,
                rejectsFile);
    }

    private int parse(Path file, String text, List<SettingsRow> rows, List<SettingsRejection> rejections) {
        SourceLines lines = new SourceLines(text);
        Map<String, Long> firstLineOfNumber = new HashMap<>();
        int rowsRead = 0;
        long nextLine = 1;
        try (CSVParser parser = CSVParser.parse(text, SETTINGS_CSV)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new UsageException(file + ": empty file; expected the header "
                        + String.join(",", SettingsRowValidator.COLUMNS));
            }
            Map<String, Integer> columns = columns(file, records.next());
            nextLine = parser.getCurrentLineNumber() + 1;
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    long line = lines.lineAt(record.getCharacterPosition());
                    String raw = lines.text(line, Math.max(line, parser.getCurrentLineNumber()));
                    nextLine = parser.getCurrentLineNumber() + 1;
                    if (isBlank(record)) {
                        continue;
                    }
                    rowsRead++;
                    readRow(record, columns, line, raw, firstLineOfNumber, rows, rejections);
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                rejections.add(new SettingsRejection(nextLine, ROW, "malformed CSV (" + Failures.rootMessage(e)
                        + "); the rest of the file was not read", lines.text(nextLine, nextLine)));
            }
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage(), e);
        }
        return rowsRead;
    }

    private void readRow(CSVRecord record, Map<String, Integer> columns, long line, String raw,
            Map<String, Long> firstLineOfNumber, List<SettingsRow> rows, List<SettingsRejection> rejections) {
        if (record.size() != columns.size()) {
            rejections.add(new SettingsRejection(line, ROW, "expected " + columns.size() + " cells, found "
                    + record.size() + " (quote a cell that contains commas)", raw));
            return;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        columns.forEach((name, index) -> cells.put(name, record.get(index).strip()));
        SettingsRowValidator.Result result = validator.validate(cells);
        if (!result.isValid()) {
            result.problems().forEach(p -> rejections.add(new SettingsRejection(line, p.field(), p.reason(), raw)));
            return;
        }
        Long firstLine = firstLineOfNumber.putIfAbsent(result.row().number(), line);
        if (firstLine != null) {
            rejections.add(new SettingsRejection(line, SettingsRowValidator.NUMBER,
                    result.row().number() + " appears again (first on line " + firstLine + "); row ignored", raw));
            return;
        }
        rows.add(result.row());
    }

    private static Map<String, Integer> columns(Path file, CSVRecord header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (columns.put(name, i) != null) {
                columns.clear();
                break;
            }
        }
        if (!columns.keySet().containsAll(SettingsRowValidator.COLUMNS)
                || !SettingsRowValidator.ALL_COLUMNS.containsAll(columns.keySet())) {
            throw new UsageException(file + ": line 1: the header must be "
                    + String.join(",", SettingsRowValidator.COLUMNS) + " (optionally followed by "
                    + String.join(",", SettingsRowValidator.OPTIONAL_COLUMNS) + ") but is "
                    + String.join(",", header.values()));
        }
        return columns;
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    private int[] upsertAll(List<SettingsRow> rows) {
        int inserted = 0;
        int updated = 0;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (SettingsRow row : rows) {
            MapSqlParameterSource parameters = parameters(row, now);
            if (jdbc.update(UPDATE, parameters) > 0) {
                updated++;
            } else {
                jdbc.update(INSERT, parameters);
                inserted++;
            }
        }
        return new int[] {inserted, updated};
    }

    private static MapSqlParameterSource parameters(SettingsRow row, OffsetDateTime now) {
        return new MapSqlParameterSource()
                .addValue("number", row.number())
                .addValue("login", row.login())
                .addValue("numberEmail", row.numberEmail())
                .addValue("loginEmail", row.loginEmail())
                .addValue("national", row.nationalLimitPpm())
                .addValue("international", row.internationalLimitPpm())
                .addValue("accessList", row.ipAccessList())
                .addValue("notify", row.ipAgentNotify() == null ? null : row.ipAgentNotify().name())
                .addValue("level", row.billWarningLevelGbp())
                .addValue("profile", row.thresholdProfile())
                .addValue("now", now);
    }

    private Path writeRejects(Path file, List<SettingsRejection> rejections) {
        return RejectsFile.write(rejectsDir, file.getFileName().toString(), row -> rejections.forEach(r ->
                row.accept(new RejectsFile.Row(r.line(), r.field(), r.reason(), r.raw()))));
    }

    private static String readUtf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UsageException(file + ": not UTF-8 text; save it as UTF-8 and import it again", e);
        }
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /** Line numbers and raw text of the file, with CRLF, LF and CR line ends alike. */
    private static final class SourceLines {
        private final String text;
        private final List<Integer> starts = new ArrayList<>();
        private final List<Integer> ends = new ArrayList<>();

        SourceLines(String text) {
            this.text = text;
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\r' || c == '\n') {
                    starts.add(start);
                    ends.add(i);
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    start = i + 1;
                }
            }
            if (start < text.length()) {
                starts.add(start);
                ends.add(text.length());
            }
        }

        /** The 1-based line holding the first character at or after {@code position} that is not a line end. */
        long lineAt(long position) {
            int low = 0;
            int high = ends.size();
            while (low < high) { // first line whose end is at or after the position
                int middle = (low + high) >>> 1;
                if (ends.get(middle) < position) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            int index = low;
            while (index < starts.size() && starts.get(index).equals(ends.get(index))) {
                index++; // an empty line skipped by the parser before the record
            }
            return Math.min(index, Math.max(0, starts.size() - 1)) + 1L;
        }

        /** Lines {@code from} to {@code to} (1-based, inclusive) joined with LF; empty past the end. */
        String text(long from, long to) {
            if (from > starts.size()) {
                return "";
            }
            int last = (int) Math.min(to, starts.size());
            return text.substring(starts.get((int) from - 1), ends.get(last - 1)).replace("\r\n", "\n");
        }
    }
}
