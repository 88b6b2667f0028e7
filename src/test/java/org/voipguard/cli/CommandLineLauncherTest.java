package org.voipguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLNonTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class CommandLineLauncherTest {

    @Test
    void h2LosingTheRaceForItsLockFileToARunJustKilledMeansTheDatabaseIsInUse() {
        for (String race : new String[] {"Another process was faster", "Concurrent update"}) {
            var opening = new SQLNonTransientConnectionException("Error opening database: \"" + race + "\" [8000-240]",
                    "08000", 8000);

            assertThat(CommandLineLauncher.isDatabaseInUse(
                    new IllegalStateException(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                            opening)))).as(race).isTrue();
        }
    }

    @Test
    void theServerOfARunJustKilledDroppingTheConnectionMeansTheDatabaseIsInUse() {
        var broken = new SQLNonTransientConnectionException(
                "Connection is broken: \"java.io.EOFException: localhost:35491\" [90067-240]", "90067", 90067);

        assertThat(CommandLineLauncher.isDatabaseInUse(new IllegalStateException(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", broken)))).isTrue();
    }

    @Test
    void anotherFailureToOpenTheDatabaseIsNot() {
        var corrupt = new SQLNonTransientConnectionException("File corrupted while reading record", "90030", 90030);

        assertThat(CommandLineLauncher.isDatabaseInUse(new IllegalStateException(corrupt))).isFalse();
    }
}
