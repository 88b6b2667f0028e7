package org.voipguard.controlpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class ChartsTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Test
    void dailySpendHasABarForEachDayWithSpendAndALineAtEachWarningLevelReached() {
        TreeMap<LocalDate, BigDecimal> spend = new TreeMap<>(Map.of(OCTOBER.atDay(1), new BigDecimal("12.50"),
                OCTOBER.atDay(15), new BigDecimal("13.00")));

        SvgChart chart = Charts.dailySpend(OCTOBER, spend, new BigDecimal("10.00"));

        assertThat(chart.bars()).extracting(SvgChart.Bar::tooltip)
                .containsExactly("2026-10-01: GBP 12.50", "2026-10-15: GBP 13.00");
        assertThat(chart.rules()).extracting(SvgChart.Rule::label)
                .containsExactly("GBP 10 (1x)", "GBP 20 (2x)", "GBP 30 (3x)");
        assertThat(chart.line().split(" ")).hasSize(31);
    }

    @Test
    void aRunawayMonthDrawsAtMostEightWarningLines() {
        TreeMap<LocalDate, BigDecimal> spend = new TreeMap<>(Map.of(OCTOBER.atDay(3), new BigDecimal("5000")));

        SvgChart chart = Charts.dailySpend(OCTOBER, spend, new BigDecimal("10"));

        assertThat(chart.rules()).hasSizeLessThanOrEqualTo(8).last().extracting(SvgChart.Rule::label)
                .asString().endsWith("x)");
    }

    @Test
    void aMonthWithoutSpendIsAnEmptyChartWithoutALine() {
        SvgChart chart = Charts.dailySpend(OCTOBER, new TreeMap<>(), new BigDecimal("10"));

        assertThat(chart.isEmpty()).isTrue();
        assertThat(chart.line()).isEmpty();
        assertThat(chart.rules()).extracting(SvgChart.Rule::label).containsExactly("GBP 10 (1x)");
    }

    @Test
    void monthlySpendLabelsTwelveMonthsEndingWithTheMonthShown() {
        SvgChart chart = Charts.monthlySpend(OCTOBER, Map.of(OCTOBER, new BigDecimal("29.21"),
                OCTOBER.minusMonths(12), new BigDecimal("99")));

        assertThat(chart.bars()).extracting(SvgChart.Bar::tooltip).containsExactly("2026-10: GBP 29.21");
        assertThat(chart.labels()).extracting(SvgChart.Label::text).contains("Nov 25", "Jan 26", "Oct")
                .hasSize(2 + 12);
    }

    @Test
    void alertsPerDayStackOneBarPerTypeAndDayWithALegendEntryPerType() {
        LocalDate first = LocalDate.of(2026, 11, 16);
        TreeMap<LocalDate, Map<String, Long>> perDay = new TreeMap<>(Map.of(
                first.plusDays(13), Map.of("NEW_IP", 3L, "BILL_WARNING", 1L),
                first, Map.of("NEW_IP", 1L)));

        SvgChart chart = Charts.alertsPerDay(first, first.plusDays(13), perDay);

        assertThat(chart.bars()).hasSize(3);
        assertThat(chart.legend()).extracting(SvgChart.Legend::text).containsExactly("BILL_WARNING", "NEW_IP");
        double lastDayTop = chart.bars().stream().filter(b -> b.tooltip().startsWith("2026-11-29"))
                .mapToDouble(b -> Double.parseDouble(b.y())).min().orElseThrow();
        assertThat(lastDayTop).isEqualTo(12.0);
    }
}
