package org.voipguard.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallPricerTest {

    private static final OffsetDateTime WEDNESDAY_NOON = OffsetDateTime.parse("2025-07-16T12:00:00+01:00");
    private static final OffsetDateTime SATURDAY_NOON = OffsetDateTime.parse("2025-07-19T12:00:00+01:00");
    private static final int ANSWERED = 200;
    private static final int BUSY = 486;

    @TempDir
    Path dir;

    private CallPricer pricer;

    @BeforeEach
    void givenATariff() throws IOException {
        Path file = dir.resolve("tariff.csv");
        Files.writeString(file, """
                prefix,description,peak_ppm,offpeak_ppm,weekend_ppm
                441,UK geographic 01,1.0,0.5,0.5
                447,UK mobile,8,6,5
                449,UK premium 09,150,150,150
                1,USA and Canada,1.5,1.5,1.5
                """);
        pricer = new CallPricer(new DialledNumberClassifier(), new Tariff(file, ZoneId.of("Europe/London")));
    }

    @Test
    void aMinuteAtTwentyPenceCostsTwentyPence() throws PricingException {
        PricedCall call = pricer.price("07700 900123", WEDNESDAY_NOON, 60, ANSWERED, new BigDecimal("20"), null);

        assertThat(call.costGbp()).isEqualTo(new BigDecimal("0.2000"));
        assertThat(call.pricePpm()).isEqualTo(new BigDecimal("20"));
    }

    @Test
    void costIsPerSecondRoundedHalfUpToFourPlaces() throws PricingException {
        PricedCall call = pricer.price("+1 202 555 0123", WEDNESDAY_NOON, 61, ANSWERED, new BigDecimal("1.5"), null);

        // 61 s x 1.5p / 60 / 100 = 0.01525 GBP
        assertThat(call.costGbp()).isEqualTo(new BigDecimal("0.0153"));
    }

    @Test
    void anUnansweredCallCostsNothing() throws PricingException {
        PricedCall call = pricer.price("09098 790123", WEDNESDAY_NOON, 25, BUSY, null, null);

        assertThat(call.costGbp()).isEqualTo(new BigDecimal("0.0000"));
        assertThat(call.pricePpm()).isEqualTo(new BigDecimal("150"));
    }

    @Test
    void theCdrCostWinsOverTheComputedOne() throws PricingException {
        PricedCall call = pricer.price("07700 900123", WEDNESDAY_NOON, 60, ANSWERED, new BigDecimal("20"),
                new BigDecimal("0.35"));

        assertThat(call.costGbp()).isEqualTo(new BigDecimal("0.35"));
    }

    @Test
    void theCdrCostWinsEvenForAnUnansweredCall() throws PricingException {
        PricedCall call = pricer.price("07700 900123", WEDNESDAY_NOON, 0, BUSY, null, new BigDecimal("0.01"));

        assertThat(call.costGbp()).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void withoutARateTheTariffPricesTheCallForItsTimeBand() throws PricingException {
        PricedCall weekday = pricer.price("07700 900123", WEDNESDAY_NOON, 90, ANSWERED, null, null);
        PricedCall weekend = pricer.price("07700 900123", SATURDAY_NOON, 90, ANSWERED, null, null);

        assertThat(weekday).isEqualTo(new PricedCall("+447700900123", CallClass.NATIONAL, false,
                new BigDecimal("8"), new BigDecimal("0.1200")));
        assertThat(weekend.pricePpm()).isEqualTo(new BigDecimal("5"));
        assertThat(weekend.costGbp()).isEqualTo(new BigDecimal("0.0750"));
    }

    @Test
    void theCdrRateWinsOverTheTariff() throws PricingException {
        PricedCall call = pricer.price("09098 790123", WEDNESDAY_NOON, 60, ANSWERED, new BigDecimal("12.5"), null);

        assertThat(call.pricePpm()).isEqualTo(new BigDecimal("12.5"));
        assertThat(call.premium()).isTrue();
    }

    @Test
    void noRateAndNoTariffEntryNamesTheRateField() {
        assertThatThrownBy(() -> pricer.price("0033 1 42 68 53 00", WEDNESDAY_NOON, 60, ANSWERED, null, null))
                .isInstanceOfSatisfying(PricingException.class, e -> assertThat(e.field()).isEqualTo("rate_ppm"))
                .hasMessage("no rate in the CDR and no tariff entry for +33142685300");
    }

    @Test
    void anUnreadableNumberNamesTheCalledField() {
        assertThatThrownBy(() -> pricer.price("0800 FLOWERS", WEDNESDAY_NOON, 60, ANSWERED, BigDecimal.ONE, null))
                .isInstanceOfSatisfying(PricingException.class, e -> assertThat(e.field()).isEqualTo("called"));
    }

    @Test
    void negativeFiguresNameTheirFields() {
        assertThatThrownBy(() -> pricer.price("01632 960001", WEDNESDAY_NOON, 60, ANSWERED, new BigDecimal("-1"),
                null)).isInstanceOfSatisfying(PricingException.class,
                        e -> assertThat(e.field()).isEqualTo("rate_ppm"));
        assertThatThrownBy(() -> pricer.price("01632 960001", WEDNESDAY_NOON, 60, ANSWERED, null,
                new BigDecimal("-0.01"))).isInstanceOfSatisfying(PricingException.class,
                        e -> assertThat(e.field()).isEqualTo("cost_gbp"));
        assertThatThrownBy(() -> pricer.price("01632 960001", WEDNESDAY_NOON, -5, ANSWERED, null, null))
                .isInstanceOfSatisfying(PricingException.class,
                        e -> assertThat(e.field()).isEqualTo("duration_s"));
    }

    @Test
    void aQuoteBeforeDiallingGivesClassAndTariffPrice() throws PricingException {
        PricedCall quote = pricer.quote("09098 790123", WEDNESDAY_NOON);

        assertThat(quote).isEqualTo(new PricedCall("+449098790123", CallClass.NATIONAL, true,
                new BigDecimal("150"), new BigDecimal("0.0000")));
    }
}
