package org.voipguard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voipguard.support.ImportFixtures.givenNumber;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.numbers.NumberDirectory;
import org.voipguard.support.AlsoOnPostgreSql;
import org.voipguard.support.TestDatabase;

@AlsoOnPostgreSql
@SpringBootTest
class RecentNumbersTest {

    private static final String FIRST = "+441632960001";
    private static final String SECOND = "+441632960002";

    @Autowired
    private NumberDirectory directory;
    @Autowired
    private RegistrationStateStore store;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void givenNumbers() {
        TestDatabase.clear(jdbc);
        givenNumber(jdbc, FIRST, "first@example.com", null);
    }

    @Test
    void aNumberHeldIsNotReadAgainAndANumberLetGoIsReadAsItWasSaved() {
        RecentNumbers recent = new RecentNumbers(directory, store, 1);
        RecentNumbers.Known first = recent.get(List.of(FIRST)).get(FIRST);
        first.state().registered("198.51.100.20", "snom300/8.7.3.25", true);
        store.save(Map.of(FIRST, first.state()), Instant.now(), 1L);

        assertThat(recent.get(List.of(FIRST)).get(FIRST)).isSameAs(first);

        RecentNumbers.Known second = recent.get(List.of(SECOND)).get(SECOND);
        RecentNumbers.Known firstAgain = recent.get(List.of(FIRST)).get(FIRST);

        assertThat(second.settings().numberEmail()).isNull();
        assertThat(firstAgain).isNotSameAs(first);
        assertThat(firstAgain.settings().numberEmail()).isEqualTo("first@example.com");
        assertThat(firstAgain.state().isNewIp("198.51.100.20")).isFalse();
        assertThat(firstAgain.state().isNewAgent("snom300/8.7.3.25")).isFalse();
        assertThat(firstAgain.state().newIps()).isEmpty();
    }
}
