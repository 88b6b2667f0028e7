package org.voipguard.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.voipguard.cdr.CdrImporter;
import org.voipguard.imports.FileImportResult;
import org.voipguard.numbers.NumberSettingsImporter;

/** Numbers and calls written as small CSV files and imported through the real importers. */
final class BillingScenario {

    static final String ALICE = "+441632960001";
    static final String BOB = "+441632960002";
    static final String CAROL = "+441632960003";
    static final String DAVE = "+441632960004";

    private static final String NUMBERS_HEADER = "number,login,number_email,login_email,national_limit_ppm,"
            + "international_limit_ppm,ip_access_list,ip_agent_notify,bill_warning_level_gbp";
    private static final String CDR_HEADER = "call_id,number,direction,start_time,duration_s,called,rate_ppm,cost_gbp,status";

    private final Path dir;
    private final NumberSettingsImporter numbers;
    private final CdrImporter cdrs;
    private final JdbcTemplate jdbc;
    private int files;

    BillingScenario(Path dir, NumberSettingsImporter numbers, CdrImporter cdrs, JdbcTemplate jdbc) {
        this.dir = dir;
        this.numbers = numbers;
        this.cdrs = cdrs;
        this.jdbc = jdbc;
    }

    /** Numbers with an automatic level, and CAROL with a level of 25.00 she set herself. */
    void givenNumbers() {
        Path file = write("numbers.csv", List.of(NUMBERS_HEADER,
                ALICE + ",acme,alice@acme.example,,,,,,",
                BOB + ",acme,bob@acme.example,,,,,,",
                CAROL + ",smith,carol@smith.example,,,,,,25.00",
                DAVE + ",quiet,,,,,,,"));
        numbers.importFile(file);
    }

    /** Imports one CDR file with the calls given, through the CDR import job. */
    FileImportResult givenCalls(String... lines) {
        List<String> content = new java.util.ArrayList<>();
        content.add(CDR_HEADER);
        content.addAll(List.of(lines));
        return cdrs.importFile(write("cdrs-" + (++files) + ".csv", content));
    }

    /** An answered national call at 1p/min whose cost the CDR states. */
    static String call(String callId, String number, String startTime, String costGbp) {
        return callId + "," + number + ",OUT," + startTime + ",60,01632960999,1," + costGbp + ",200";
    }

    BigDecimal spend(String number, String month) {
        return jdbc.queryForObject("SELECT spend_gbp FROM monthly_spend WHERE number = ? AND billing_month = ?",
                BigDecimal.class, number, month);
    }

    BigDecimal bill(String number, String month) {
        return jdbc.queryForObject("SELECT bill_gbp FROM monthly_bill WHERE number = ? AND billing_month = ?",
                BigDecimal.class, number, month);
    }

    BigDecimal billLevel(String number, String month) {
        return jdbc.queryForObject("SELECT warning_level_gbp FROM monthly_bill WHERE number = ? AND billing_month = ?",
                BigDecimal.class, number, month);
    }

    BigDecimal autoLevel(String number) {
        return jdbc.queryForObject("SELECT auto_warning_level_gbp FROM number_settings WHERE number = ?",
                BigDecimal.class, number);
    }

    BigDecimal customerLevel(String number) {
        return jdbc.queryForObject("SELECT bill_warning_level_gbp FROM number_settings WHERE number = ?",
                BigDecimal.class, number);
    }

    /** The keys of the bill warnings raised for a number's month, e.g. {@code BILL_WARNING:+44…:2026-11:1}. */
    List<String> billWarnings(String number, String month) {
        return jdbc.queryForList("SELECT alert_key FROM alert WHERE alert_type = 'BILL_WARNING' AND alert_key LIKE ?"
                + " ORDER BY alert_key", String.class, "BILL_WARNING:" + number + ":" + month + ":%");
    }

    /** Everything month end writes, as text, to show that a run changed nothing. */
    String monthEndState() {
        return jdbc.queryForList("SELECT number, billing_month, bill_gbp, warning_level_gbp, previous_level_gbp"
                        + " FROM monthly_bill ORDER BY number, billing_month").toString()
                + jdbc.queryForList("SELECT number, bill_warning_level_gbp, auto_warning_level_gbp FROM number_settings"
                        + " ORDER BY number")
                + jdbc.queryForList("SELECT billing_month, closed_at FROM month_close ORDER BY billing_month")
                + jdbc.queryForList("SELECT number, billing_month, spend_gbp, late_charges_gbp, warned_multiple"
                        + " FROM monthly_spend ORDER BY number, billing_month");
    }

    private Path write(String name, List<String> lines) {
        try {
            return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
