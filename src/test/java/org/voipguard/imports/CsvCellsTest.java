package org.voipguard.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"a,b,c", " a , b ,c ", ",,", "a", "a,\"b,c\",d", "\"he said \"\"hi\"\"\",x",
        "a,\"two\nlines\",b", "x,\t,y", "\u0000,\uFEFF"})
    void splitsAsACsvParserDoes(String record) throws Exception {
        assertThat(CsvCells.split(record)).isEqualTo(parsed(record));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"a,\"b", "a,\"b\"c"})
    void aQuoteNotClosedOrTextAfterAClosingQuoteIsMalformed(String record) {
        assertThatThrownBy(() -> CsvCells.split(record)).isInstanceOfSatisfying(CsvCells.MalformedCsvException.class,
                e -> assertThat(e.records()).isEqualTo(-1));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"a,b\nc,d", "a\r\nb"})
    void twoRecordsAreMalformed(String record) {
        assertThatThrownBy(() -> CsvCells.split(record)).isInstanceOfSatisfying(CsvCells.MalformedCsvException.class,
                e -> assertThat(e.records()).isEqualTo(2)).hasMessage("one CSV record expected, found 2");
    }

    private static List<String> parsed(String record) throws IOException {
        try (CSVParser parser = CSVParser.parse(record, CSVFormat.RFC4180)) {
            return parser.getRecords().get(0).toList();
        }
    }
}
