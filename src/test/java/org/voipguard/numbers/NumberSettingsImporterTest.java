package org.voipguard.numbers;

import org.voipguard.config.NotifyMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.command.UsageException;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

@AlsoOnPostgreSql
@SpringBootTest
class NumberSettingsImporterTest {

    static final String HEADER = "number,login,number_email,login_email,national_limit_ppm,"
            + "international_limit_ppm,ip_access_list,ip_agent_notify,bill_warning_level_gbp";

    @Autowired
    NumberSettingsImporter importer;
    @Autowired
    NumberDirectory directory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VoipGuardProperties properties;

    @TempDir
    Path dir;

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.clear(jdbc);
    }

    @Test
    void importsGoodRowsWithEmptyCellsMeaningTheDefaults() throws IOException {
        Path file = write("good.csv", HEADER,
                "+441632960001,acme,ops@acme.example,boss@acme.example,15,1.5,\"128.66.0.1, 2001:DB8::/48\",new_agent,25.50",
                "+441632960002,acme,,,,,,,");

        NumberImportReport report = importer.importFile(file);

        assertThat(report.rowsRead()).isEqualTo(2);
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.updated()).isZero();
        assertThat(report.rejections()).isEmpty();
        assertThat(report.rejectsFile()).isNull();
        assertThat(report.summary()).isEqualTo("numbers import: 2 read, 2 new, 0 updated, 0 rejected");

        NumberSettings full = directory.find("+441632960001");
        assertThat(full.login()).isEqualTo("acme");
        assertThat(full.numberEmail()).isEqualTo("ops@acme.example");
        assertThat(full.loginEmail()).isEqualTo("boss@acme.example");
        assertThat(full.nationalLimitPpm()).isEqualByComparingTo("15");
        assertThat(full.internationalLimitPpm()).isEqualByComparingTo("1.5");
        assertThat(full.accessList().asEntered()).isEqualTo("128.66.0.1, 2001:DB8::/48");
        assertThat(full.accessList().permits("2001:db8::77")).isTrue();
        assertThat(full.accessList().permits("128.66.0.2")).isFalse();
        assertThat(full.ipAgentNotify()).isEqualTo(NotifyMode.NEW_AGENT);
        assertThat(full.billWarningLevelGbp()).isEqualByComparingTo("25.50");
        assertThat(full.warningLevelSetByCustomer()).isTrue();

        NumberSettings defaults = directory.find("+441632960002");
        assertThat(defaults.login()).isEqualTo("acme");
        assertThat(defaults.numberEmail()).isNull();
        assertThat(defaults.loginEmail()).isNull();
        assertThat(defaults.nationalLimitPpm()).isEqualByComparingTo("20");
        assertThat(defaults.internationalLimitPpm()).isEqualByComparingTo("2");
        assertThat(defaults.accessList().isEmpty()).isTrue();
        assertThat(defaults.ipAgentNotify()).isEqualTo(NotifyMode.NEW_IP_OR_AGENT);
        assertThat(defaults.billWarningLevelGbp()).isEqualByComparingTo("10.00");
        assertThat(defaults.warningLevelSetByCustomer()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM number_settings WHERE national_limit_ppm IS NULL"
                + " AND ip_access_list IS NULL AND bill_warning_level_gbp IS NULL", Integer.class)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            number                  | 441632960003                  | not an E.164 number
            number                  | +44 1632 960003               | not an E.164 number
            number                  | +0441632960003                | not an E.164 number
            number                  | +1234567890123456             | not an E.164 number
            number                  | +9991632960003                | not a telephone number
            number                  | ''                            | required
            login                   | ''                            | required
            number_email            | ops@                          | not one valid email address
            number_email            | 'a@example.com, b@example.com' | not one valid email address
            login_email             | Fred <fred@example.com>       | bare address
            login_email             | 'fred@example.com\rBcc: x@evil.example' | control character
            number_email            | ü@bücher.example              | internationalised
            number_email            | ops@bücher.example            | internationalised
            number_email            | 'ops\u202E@example.com'       | invisible formatting character
            login_email             | 'boss@exa\u200Bmple.com'      | invisible formatting character
            number_email            | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com | longer than 64
            number_email            | a@[127.0.0.1]                 | address literal
            number_email            | 'a@[IPv6:::1]'                | address literal
            number_email            | a@b                           | host name with at least one dot
            number_email            | a@1.2.3.4                     | host name with at least one dot
            number_email            | a@-acme.example               | host name with at least one dot
            number_email            | a@acme..example               | host name with at least one dot
            number_email            | a@acme.example.               | host name with at least one dot
            number_email            | '=?utf-8?q?ops?=@acme.example' | encoded word
            number_email            | '"ops desk"@acme.example'     | quoted local part
            number_email            | '"ops"@acme.example'          | quoted local part
            number_email            | 'group: a@b.example;'         | group
            number_email            | 'group:;'                     | group
            number_email            | a..b@acme.example             | dot-atom
            number_email            | .ops@acme.example             | dot-atom
            number_email            | 'ops(comment)@acme.example'   | dot-atom
            number_email            | ops@acme.example@evil.example | exactly one @
            national_limit_ppm      | -1                            | not a price
            national_limit_ppm      | twenty                        | not a price
            national_limit_ppm      | 1e3                           | not a price
            international_limit_ppm | 100001                        | above the maximum
            international_limit_ppm | 0.00001                       | not a price
            ip_access_list          | 192.0.2.1/24                  | host bits
            ip_access_list          | '1.2.3.4/32, ::ffff:0:0/96'   | '"::ffff:0:0/96": allows every IPv4 address'
            ip_access_list          | '0.0.0.0/1, 128.0.0.0/1'      | an empty list means no restriction
            ip_access_list          | ::/0                          | every IPv6 address
            ip_access_list          | 0.0.0.0                       | unspecified address
            ip_agent_notify         | SOMETIMES                     | not one of NEW_IP_OR_AGENT, NEW_AGENT, NONE
            bill_warning_level_gbp  | 0                             | above zero
            bill_warning_level_gbp  | 10.005                        | not an amount
            bill_warning_level_gbp  | 1000000.01                    | above the maximum
            """)
    void rejectsABadFieldNamingItsLineAndKeepsTheGoodRows(String field, String value, String reason)
            throws IOException {
        String badRow = row("+441632960003", field, value.replace("\\r", "\r"));
        Path file = write("mixed.csv", HEADER, "+441632960001,acme,,,,,,,", badRow, "+441632960002,acme,,,,,,,");

        NumberImportReport report = importer.importFile(file);

        assertThat(report.rowsRead()).isEqualTo(3);
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.rejectedRows()).isEqualTo(1);
        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(3);
            assertThat(rejection.field()).isEqualTo(field);
            assertThat(rejection.reason()).contains(reason);
            assertThat(rejection.describe()).startsWith("line 3, field " + field + ": ");
        });
        assertThat(jdbc.queryForList("SELECT number FROM number_settings ORDER BY number", String.class))
                .containsExactly("+441632960001", "+441632960002");
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', textBlock = """
            ops@acme.example
            first.last+alerts@mail.acme-ltd.example
            o'brien@acme.example
            x@a.io
            ADMIN@ACME.EXAMPLE
            """)
    void acceptsAPlainAsciiAddress(String address) throws IOException {
        NumberImportReport report = importer.importFile(write("good-email.csv", HEADER,
                row("+441632960001", "number_email", address)));

        assertThat(report.rejections()).isEmpty();
        assertThat(directory.find("+441632960001").numberEmail()).isEqualTo(address);
    }

    @Test
    void reportsEveryBadFieldOfARowAndWritesTheRejectsFile() throws IOException {
        Path file = write("bad-fields.csv", HEADER, "+441632960001,,ops@,,-5,,,,", "+441632960002,acme,,,,,,,",
                "+441632960003,acme,,,,");

        NumberImportReport report = importer.importFile(file);

        assertThat(report.rejections()).extracting(SettingsRejection::line, SettingsRejection::field)
                .containsExactly(tuple(2L, "login"), tuple(2L, "number_email"), tuple(2L, "national_limit_ppm"),
                        tuple(4L, "row"));
        assertThat(report.rejectedRows()).isEqualTo(2);
        Path rejects = properties.rejectsDir().resolve("bad-fields.csv.rejects.csv");
        assertThat(report.rejectsFile()).isEqualTo(rejects);
        assertThat(report.summary()).isEqualTo(
                "numbers import: 3 read, 1 new, 0 updated, 2 rejected (rejects: " + rejects + ")");
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines.get(0)).isEqualTo("line,field,reason,raw");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("2,login,\"required, but empty\",\"+441632960001,,ops@,,-5,,,,\"");
        assertThat(lines.get(4)).startsWith("4,row,\"expected 9 cells, found 6").endsWith(",\"+441632960003,acme,,,,\"");
    }

    @Test
    void readsAByteOrderMarkCrlfLineEndsAndQuotedCells() throws IOException {
        String content = "\uFEFF" + HEADER + "\r\n"
                + "+441632960001,acme,,,,,\"128.66.0.1, 128.66.0.2, 128.66.0.9\",NONE,\r\n"
                + "\r\n"
                + "+441632960002,acme, ops@acme.example , ,,,  \"2001:DB8::/48, 128.66.0.0/27\" ,,\r\n"
                + "+441632960003,,,,,,,,\r\n";
        Path file = dir.resolve("windows.csv");
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));

        NumberImportReport report = importer.importFile(file);

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(5);
            assertThat(rejection.field()).isEqualTo("login");
            assertThat(rejection.raw()).isEqualTo("+441632960003,,,,,,,,");
        });
        assertThat(directory.find("+441632960001").accessList().permits("128.66.0.9")).isTrue();
        assertThat(directory.find("+441632960001").ipAgentNotify()).isEqualTo(NotifyMode.NONE);
        assertThat(directory.find("+441632960002").numberEmail()).isEqualTo("ops@acme.example");
        assertThat(directory.find("+441632960002").accessList().asEntered())
                .isEqualTo("2001:DB8::/48, 128.66.0.0/27");
    }

    @Test
    void reImportUpdatesTheSettingsAndKeepsTheAutomaticWarningLevel() throws IOException {
        importer.importFile(write("v1.csv", HEADER, "+441632960001,acme,ops@acme.example,,30,,128.66.0.1,,50"));
        jdbc.update("UPDATE number_settings SET auto_warning_level_gbp = 36.00 WHERE number = '+441632960001'");

        NumberImportReport report = importer.importFile(
                write("v2.csv", HEADER, "+441632960001,acme-ltd,,,,5,,NEW_AGENT,", "+441632960002,acme,,,,,,,"));

        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.updated()).isEqualTo(1);
        NumberSettings settings = directory.find("+441632960001");
        assertThat(settings.login()).isEqualTo("acme-ltd");
        assertThat(settings.numberEmail()).isNull();
        assertThat(settings.nationalLimitPpm()).isEqualByComparingTo("20");
        assertThat(settings.internationalLimitPpm()).isEqualByComparingTo("5");
        assertThat(settings.accessList().isEmpty()).isTrue();
        assertThat(settings.ipAgentNotify()).isEqualTo(NotifyMode.NEW_AGENT);
        assertThat(settings.billWarningLevelGbp()).isEqualByComparingTo("36.00");
        assertThat(settings.warningLevelSetByCustomer()).isFalse();
    }

    @Test
    void anInvalidAccessListIsRefusedAndNeverBecomesNoRestriction() throws IOException {
        importer.importFile(write("v1.csv", HEADER, "+441632960001,acme,,,,,128.66.0.0/27,,"));

        NumberImportReport report = importer.importFile(write("v2.csv", HEADER,
                "+441632960001,acme,,,,,\"128.66.0.0/27,, 2001:DB8::1\",,",
                "+441632960002,acme,,,,,10.0.0.0/33,,"));

        assertThat(report.rejections()).extracting(SettingsRejection::line, SettingsRejection::field)
                .containsExactly(tuple(2L, "ip_access_list"), tuple(3L, "ip_access_list"));
        assertThat(report.rejections().get(0).reason()).contains("empty item");
        assertThat(report.rejections().get(1).reason()).contains("\"10.0.0.0/33\"");
        assertThat(directory.find("+441632960001").accessList().asEntered()).isEqualTo("128.66.0.0/27");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM number_settings WHERE number = '+441632960002'",
                Integer.class)).isZero();
    }

    @Test
    void aNumberTwiceInOneFileKeepsTheFirstRow() throws IOException {
        NumberImportReport report = importer.importFile(
                write("twice.csv", HEADER, "+441632960001,first,,,,,,,", "+441632960001,second,,,,,,,"));

        assertThat(report.rejections()).singleElement()
                .satisfies(r -> assertThat(r.describe()).isEqualTo(
                        "line 3, field number: +441632960001 appears again (first on line 2); row ignored"));
        assertThat(directory.find("+441632960001").login()).isEqualTo("first");
    }

    @Test
    void anOptionalThresholdProfileColumnSetsTheNumbersProfileAndEmptyMeansDefault() throws IOException {
        Path file = write("profiles.csv", HEADER + ",threshold_profile",
                "+441632960001,acme,,,,,,,,call-centre",
                "+441632960002,acme,,,,,,,,",
                "+441632960003,acme,,,,,,,,call centre!");

        NumberImportReport report = importer.importFile(file);

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.rejections()).singleElement().satisfies(r -> assertThat(r.describe())
                .startsWith("line 4, field threshold_profile: not a profile of the thresholds file"));
        assertThat(directory.find("+441632960001").thresholdProfile()).isEqualTo("call-centre");
        assertThat(directory.find("+441632960002").thresholdProfile()).isEqualTo("default");
    }

    @Test
    void aHeaderThatDoesNotMatchRefusesTheWholeFile() throws IOException {
        Path file = write("wrong.csv", "number,login,email", "+441632960001,acme,ops@acme.example");

        assertThatThrownBy(() -> importer.importFile(file)).isInstanceOf(UsageException.class)
                .hasMessageContaining("header must be " + HEADER);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM number_settings", Integer.class)).isZero();
    }

    @Test
    void aMissingOrNonUtf8FileIsAUsageError() throws IOException {
        assertThatThrownBy(() -> importer.importFile(dir.resolve("missing.csv"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("no such file");

        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (HEADER + "\n+441632960001,caf\u00e9,,,,,,,\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> importer.importFile(latin1)).isInstanceOf(UsageException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void aMultiLineQuotedCellKeepsTheLineNumbersOfLaterRows() throws IOException {
        Path file = write("multiline.csv", HEADER, "+441632960001,\"acme", "ltd\",,,,,,,", "+441632960002,,,,,,,,");

        NumberImportReport report = importer.importFile(file);

        assertThat(report.rejections()).extracting(SettingsRejection::line, SettingsRejection::field)
                .containsExactly(tuple(2L, "login"), tuple(4L, "login"));
        assertThat(report.rejections().get(0).raw()).isEqualTo("+441632960001,\"acme\nltd\",,,,,,,");
    }

    @Test
    void anUnterminatedQuoteStopsReadingButKeepsTheRowsBefore() throws IOException {
        Path file = write("broken.csv", HEADER, "+441632960001,acme,,,,,,,", "+441632960002,acme,,,,,\"128.66.0.1,,,");

        NumberImportReport report = importer.importFile(file);

        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.field()).isEqualTo("row");
            assertThat(r.reason()).contains("malformed CSV");
        });
    }

    @Test
    void aCleanImportRemovesTheRejectsFileOfAnEarlierOne() throws IOException {
        Path rejects = importer.importFile(write("settings.csv", HEADER, "+441632960001,,,,,,,,")).rejectsFile();
        assertThat(rejects).exists();

        importer.importFile(write("settings.csv", HEADER, "+441632960001,acme,,,,,,,"));

        assertThat(rejects).doesNotExist();
    }

    /** A valid row for {@code number} with one cell replaced. */
    static String row(String number, String field, String value) {
        List<String> columns = List.of(HEADER.split(","));
        String[] cells = {number, "acme", "", "", "", "", "", "", ""};
        cells[columns.indexOf(field)] = value.matches("(?s).*[,\r\n\"].*")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        return String.join(",", cells);
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
