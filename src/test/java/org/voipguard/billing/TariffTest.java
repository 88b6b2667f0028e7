package org.voipguard.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.voipguard.command.UsageException;

class TariffTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String HEADER = "prefix,description,peak_ppm,offpeak_ppm,weekend_ppm\n";
    private static final OffsetDateTime WEDNESDAY_NOON = OffsetDateTime.parse("2025-07-16T12:00:00+01:00");
    private static final OffsetDateTime WEDNESDAY_NIGHT = OffsetDateTime.parse("2025-07-16T22:00:00+01:00");
    private static final OffsetDateTime SATURDAY_NOON = OffsetDateTime.parse("2025-07-19T12:00:00+01:00");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "+449098790123, 4490",
            "+449198790123, 449",
            "+441632960001, 44",
            "449098790123, 4490",
            "+4490, 4490",
            "+44, 44"})
    void longestPrefixWins(String number, String prefix) throws IOException {
        Tariff tariff = tariff(HEADER + """
                44,UK,1,0.5,0.5
                449,UK premium,150,150,150
                4490,UK premium 090,200,200,200
                1,USA,1.5,1.5,1.5
                """);

        assertThat(tariff.entryFor(number)).map(TariffEntry::prefix).contains(prefix);
    }

    @Test
    void noEntryForANumberNoPrefixMatches() throws IOException {
        Tariff tariff = tariff(HEADER + "44,UK,1,0.5,0.5\n449,UK premium,150,150,150\n");

        assertThat(tariff.entryFor("+33142685300")).isEmpty();
        assertThat(tariff.entryFor("+4")).isEmpty();
        assertThat(tariff.pricePpm("+33142685300", WEDNESDAY_NOON)).isEmpty();
    }

    @Test
    void priceFollowsTheTimeBand() throws IOException {
        Tariff tariff = tariff(HEADER + "447,UK mobile,8,6,5.25\n");

        assertThat(tariff.pricePpm("+447700900123", WEDNESDAY_NOON)).contains(new BigDecimal("8"));
        assertThat(tariff.pricePpm("+447700900123", WEDNESDAY_NIGHT)).contains(new BigDecimal("6"));
        assertThat(tariff.pricePpm("+447700900123", SATURDAY_NOON)).contains(new BigDecimal("5.25"));
        assertThat(tariff.pricePpm("+447700900123", OffsetDateTime.parse("2025-07-16T07:30:00Z")))
                .as("07:30Z in July is 08:30 in London").contains(new BigDecimal("8"));
    }

    @Test
    void toleratesBlankLinesQuotesSpacesAPlusAndAByteOrderMark() throws IOException {
        Tariff tariff = tariff("\uFEFF" + HEADER + "\n +44 , \"UK, all\" , 1.0 , 0.5 , 0.5 \r\n\n");

        assertThat(tariff.entryFor("+441632960001"))
                .contains(new TariffEntry("44", "UK, all", new BigDecimal("1.0"), new BigDecimal("0.5"),
                        new BigDecimal("0.5")));
    }

    @Test
    void readsTheFileOnFirstUseAndKeepsIt() throws IOException {
        Path file = dir.resolve("tariff.csv");
        Tariff tariff = new Tariff(file, LONDON);
        Files.writeString(file, HEADER + "44,UK,1,0.5,0.5\n");

        assertThat(tariff.pricePpm("+441632960001", WEDNESDAY_NOON)).contains(BigDecimal.ONE);

        Files.writeString(file, HEADER + "44,UK,99,99,99\n");
        assertThat(tariff.pricePpm("+441632960001", WEDNESDAY_NOON)).contains(BigDecimal.ONE);
    }

    @Test
    void aMissingFileIsAConfigurationErrorOnFirstUse() {
        Tariff tariff = new Tariff(dir.resolve("missing.csv"), LONDON);

        assertThatThrownBy(tariff::ensureLoaded).isInstanceOf(UsageException.class)
                .hasMessageContaining("missing.csv").hasMessageEndingWith("does not exist");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            44,UK,abc,0.5,0.5                         | line 3, field peak_ppm     | 'abc' is not a price in pence per minute
            44,UK,1,-0.5,0.5                          | line 3, field offpeak_ppm  | a price cannot be negative (-0.5)
            44,UK,1,0.5,                              | line 3, field weekend_ppm  | '' is not a price in pence per minute
            44,UK,1,0.5                               | line 3, field weekend_ppm  | missing
            44,UK,1,0.5,0.5,9                         | line 3:                    | 6 fields, expected 5
            ,UK,1,0.5,0.5                             | line 3, field prefix       | '' is not an E.164 prefix
            44a,UK,1,0.5,0.5                          | line 3, field prefix       | '44a' is not an E.164 prefix
            1234567890123456,X,1,1,1                  | line 3, field prefix       | '1234567890123456' is not an E.164 prefix
            +1,USA again,1,1,1                        | line 3, field prefix       | '1' is already priced on line 2
            """)
    void aBadRowIsAConfigurationErrorNamingLineAndField(String badRow, String where, String reason)
            throws IOException {
        Tariff tariff = tariff(HEADER + "1,USA,1.5,1.5,1.5\n" + badRow + "\n447,UK mobile,8,6,5\n");

        assertThatThrownBy(tariff::ensureLoaded).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("tariff file " + dir.resolve("tariff.csv") + " " + where)
                .hasMessageContaining(reason);
    }

    @Test
    void lineNumbersCountBlankLinesAndQuotedLineBreaks() throws IOException {
        Tariff tariff = tariff(HEADER + "\n1,\"USA\nand Canada\",1.5,1.5,1.5\n\n33,France,three,3,3\n");

        assertThatThrownBy(tariff::ensureLoaded).hasMessageContaining("line 6, field peak_ppm");
    }

    @Test
    void aWrongHeaderIsAConfigurationErrorOnLineOne() throws IOException {
        Tariff tariff = tariff("prefix,peak,offpeak,weekend\n44,1,0.5,0.5\n");

        assertThatThrownBy(tariff::ensureLoaded).isInstanceOf(UsageException.class)
                .hasMessageContaining("line 1: the header must be prefix,description,peak_ppm,offpeak_ppm,weekend_ppm");
    }

    @Test
    void brokenQuotingIsAConfigurationError() throws IOException {
        Tariff tariff = tariff(HEADER + "44,\"UK\"x,1,0.5,0.5\n");

        assertThatThrownBy(tariff::ensureLoaded).isInstanceOf(UsageException.class)
                .hasMessageContaining("is not a readable CSV file");
    }

    @ParameterizedTest(name = "{0} at Wednesday noon: {1}p")
    @CsvSource({
            "+441632960001, 1.0",
            "+442079460000, 1.0",
            "+443001234567, 1.0",
            "+447700900123, 8.0",
            "+447624123456, 8.0",
            "+44800123456, 0",
            "+449098790123, 150",
            "+449198790123, 100",
            "+44999, 0",
            "+12025550123, 1.5",
            "+18765550123, 20.0",
            "+33142685300, 3.0",
            "+33612345678, 6.0",
            "+4930123456, 3.0",
            "+2348031234567, 25.0",
            "+5372345678, 60.0",
            "+37061234567, 8.0",
            "+881612345678, 999",
            "+88213001234, 999",
            "+88351001234, 999"})
    void theShippedTariffPricesTheUsualDestinations(String number, BigDecimal expected) {
        Tariff tariff = new Tariff(Path.of("batch-config/tariff.csv"), LONDON);

        assertThat(tariff.pricePpm(number, WEDNESDAY_NOON)).contains(expected);
    }

    @Test
    void theShippedTariffHasCheaperEveningsAndWeekendsForUkCalls() {
        Tariff tariff = new Tariff(Path.of("batch-config/tariff.csv"), LONDON);

        assertThat(tariff.pricePpm("+441632960001", WEDNESDAY_NIGHT)).contains(new BigDecimal("0.5"));
        assertThat(tariff.pricePpm("+447700900123", WEDNESDAY_NIGHT)).contains(new BigDecimal("6.0"));
        assertThat(tariff.pricePpm("+447700900123", SATURDAY_NOON)).contains(new BigDecimal("5.0"));
    }

    private Tariff tariff(String content) throws IOException {
        Path file = dir.resolve("tariff.csv");
        Files.writeString(file, content);
        return new Tariff(file, LONDON);
    }
}
