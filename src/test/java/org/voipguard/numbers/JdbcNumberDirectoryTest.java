package org.voipguard.numbers;

import org.voipguard.config.NotifyMode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.db.InListBatches;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

@AlsoOnPostgreSql
@SpringBootTest
class JdbcNumberDirectoryTest {

    @Autowired
    NumberDirectory directory;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.clear(jdbc);
    }

    @Test
    void aNumberNeverImportedGetsTheDefaults() {
        NumberSettings settings = directory.find("+441632960999");

        assertThat(settings.number()).isEqualTo("+441632960999");
        assertThat(settings.login()).isEmpty();
        assertThat(settings.numberEmail()).isNull();
        assertThat(settings.loginEmail()).isNull();
        assertThat(settings.nationalLimitPpm()).isEqualByComparingTo("20");
        assertThat(settings.internationalLimitPpm()).isEqualByComparingTo("2");
        assertThat(settings.accessList().isEmpty()).isTrue();
        assertThat(settings.ipAgentNotify()).isEqualTo(NotifyMode.NEW_IP_OR_AGENT);
        assertThat(settings.billWarningLevelGbp()).isEqualByComparingTo("10.00");
        assertThat(settings.warningLevelSetByCustomer()).isFalse();
    }

    @Test
    void theWarningLevelIsTheCustomersElseTheAutomaticElseTheDefault() {
        insert("+441632960001", "25.00", "36.00");
        insert("+441632960002", null, "36.00");
        insert("+441632960003", null, null);

        Map<String, NumberSettings> found = directory.findAll(List.of("+441632960001", "+441632960002",
                "+441632960003"));

        assertThat(found.get("+441632960001").billWarningLevelGbp()).isEqualByComparingTo("25.00");
        assertThat(found.get("+441632960001").warningLevelSetByCustomer()).isTrue();
        assertThat(found.get("+441632960002").billWarningLevelGbp()).isEqualByComparingTo("36.00");
        assertThat(found.get("+441632960002").warningLevelSetByCustomer()).isFalse();
        assertThat(found.get("+441632960003").billWarningLevelGbp()).isEqualByComparingTo("10.00");
        assertThat(found.get("+441632960003").warningLevelSetByCustomer()).isFalse();
    }

    @Test
    void findsStoredAndUnknownNumbersAcrossSeveralChunks() {
        int count = 2 * InListBatches.SIZE + 500;
        int second = InListBatches.SIZE + 12;
        int last = count - 2;
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(String.format("+4416329%05d", i));
        }
        insert(numbers.get(5), "11.00", null);
        insert(numbers.get(second), "12.00", null);
        insert(numbers.get(last), "13.00", null);
        numbers.add(numbers.get(5));

        Map<String, NumberSettings> found = directory.findAll(numbers);

        assertThat(found).hasSize(count);
        assertThat(found.keySet()).containsExactlyElementsOf(numbers.subList(0, count));
        assertThat(found.get(numbers.get(5)).billWarningLevelGbp()).isEqualByComparingTo("11.00");
        assertThat(found.get(numbers.get(second)).billWarningLevelGbp()).isEqualByComparingTo("12.00");
        assertThat(found.get(numbers.get(last)).billWarningLevelGbp()).isEqualByComparingTo("13.00");
        assertThat(found.get(numbers.get(last + 1)).login()).isEmpty();
    }

    @Test
    void countsAndPassesOverEveryNumberWithSettingsOfItsOwn() {
        insert("+441632960001", "25.00", null);
        insert("+441632960002", null, "36.00");
        List<NumberSettings> passed = new ArrayList<>();

        directory.forEachStored(passed::add);

        assertThat(directory.storedCount()).isEqualTo(2);
        assertThat(passed).extracting(NumberSettings::number)
                .containsExactlyInAnyOrder("+441632960001", "+441632960002");
        assertThat(passed).filteredOn(settings -> settings.number().equals("+441632960002"))
                .singleElement().extracting(NumberSettings::billWarningLevelGbp)
                .satisfies(level -> assertThat(level).isEqualByComparingTo("36.00"));
    }

    @Test
    void findsNothingForNoNumbers() {
        assertThat(directory.findAll(List.of())).isEmpty();
    }

    private void insert(String number, String customerLevel, String autoLevel) {
        jdbc.update("INSERT INTO number_settings (number, login, bill_warning_level_gbp, auto_warning_level_gbp,"
                + " updated_at) VALUES (?, 'acme', CAST(? AS NUMERIC(12,2)), CAST(? AS NUMERIC(12,2)),"
                + " CURRENT_TIMESTAMP)", number, customerLevel, autoLevel);
    }
}
