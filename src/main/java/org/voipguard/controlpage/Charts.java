package org.voipguard.controlpage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

import static org.voipguard.controlpage.SvgChart.at;

/** Builds the pages' charts: a number's daily and monthly spend, and the alerts per day by type. */
final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final double LEFT = 56;
    private static final double RIGHT = 96;
    private static final double TOP = 12;
    private static final double BOTTOM = 28;
    private static final double PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final double PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    private static final int MOST_RULES = 8;
    private static final String SPEND_COLOUR = "#4e79a7";
    /** One colour per alert type, in the order of the legend; colour-blind safe (Tableau 10). */
    private static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
            "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac");

    private Charts() {
    }

    /**
     * A number's spend on each day of a month, its running total as a line and the multiples of
     * its warning level as dashed lines: the bill warnings go out where the line crosses them.
     */
    static SvgChart dailySpend(YearMonth month, SortedMap<LocalDate, BigDecimal> spendByDay, BigDecimal warningLevel) {
        int days = month.lengthOfMonth();
        double total = spendByDay.values().stream().mapToDouble(BigDecimal::doubleValue).sum();
        double level = warningLevel.doubleValue();
        int multiples = level <= 0 ? 0 : (int) Math.floor(total / level) + 1;
        int every = Math.max(1, (int) Math.ceil(multiples / (double) MOST_RULES));
        double top = Math.max(Math.max(total, multiples * level), 0.01);
        double slot = PLOT_WIDTH / days;
        List<SvgChart.Bar> bars = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double running = 0;
        for (int day = 1; day <= days; day++) {
            LocalDate date = month.atDay(day);
            BigDecimal spent = spendByDay.getOrDefault(date, BigDecimal.ZERO);
            running += spent.doubleValue();
            if (spent.signum() > 0) {
                bars.add(bar(LEFT + (day - 1) * slot, slot, spent.doubleValue(), top, SPEND_COLOUR,
                        date + ": GBP " + spent.setScale(2, RoundingMode.HALF_UP).toPlainString()));
            }
            line.append(line.isEmpty() ? "" : " ").append(at(LEFT + (day - 0.5) * slot)).append(',')
                    .append(at(y(running, top)));
        }
        List<SvgChart.Rule> rules = new ArrayList<>();
        for (int multiple = every; multiple <= multiples; multiple += every) {
            rules.add(new SvgChart.Rule(at(LEFT), at(LEFT + PLOT_WIDTH), at(y(multiple * level, top)),
                    "GBP " + plain(warningLevel.multiply(BigDecimal.valueOf(multiple))) + " (" + multiple + "x)"));
        }
        List<SvgChart.Label> labels = axis(top, "GBP ");
        for (int day : new int[] {1, 8, 15, 22, days}) {
            labels.add(new SvgChart.Label(at(LEFT + (day - 0.5) * slot), at(HEIGHT - 10), String.valueOf(day), "middle"));
        }
        return new SvgChart("Daily spend in " + month + " with its running total and the warning levels", WIDTH,
                HEIGHT, baseline(), bars, rules, bars.isEmpty() ? "" : line.toString(), labels,
                List.of(new SvgChart.Legend(SPEND_COLOUR, "spend that day"), new SvgChart.Legend("#333333", "month to date")));
    }

    /** A number's spend in each of the twelve months up to {@code last}: its bills. */
    static SvgChart monthlySpend(YearMonth last, Map<YearMonth, BigDecimal> spendByMonth) {
        double top = Math.max(spendByMonth.values().stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0), 0.01);
        double slot = PLOT_WIDTH / 12;
        List<SvgChart.Bar> bars = new ArrayList<>();
        List<SvgChart.Label> labels = axis(top, "GBP ");
        for (int i = 0; i < 12; i++) {
            YearMonth month = last.minusMonths(11 - i);
            BigDecimal spent = spendByMonth.getOrDefault(month, BigDecimal.ZERO);
            double x = LEFT + i * slot;
            if (spent.signum() > 0) {
                bars.add(bar(x, slot, spent.doubleValue(), top, SPEND_COLOUR, month + ": GBP " + plain(spent)));
            }
            labels.add(new SvgChart.Label(at(x + slot / 2), at(HEIGHT - 10),
                    month.getMonth().getDisplayName(TextStyle.SHORT, Locale.UK)
                            + (month.getMonthValue() == 1 || i == 0 ? " " + month.getYear() % 100 : ""), "middle"));
        }
        return new SvgChart("Spend in each month from " + last.minusMonths(11) + " to " + last, WIDTH, HEIGHT, baseline(),
                bars, List.of(), "", labels, List.of(new SvgChart.Legend(SPEND_COLOUR, "month's spend (its bill)")));
    }

    /** Alerts on each day from {@code first} to {@code last}, stacked by type. */
    static SvgChart alertsPerDay(LocalDate first, LocalDate last, SortedMap<LocalDate, Map<String, Long>> perDay) {
        List<String> types = new ArrayList<>(new TreeSet<>(perDay.values().stream()
                .flatMap(counts -> counts.keySet().stream()).toList()));
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        double top = Math.max(1, perDay.values().stream()
                .mapToLong(counts -> counts.values().stream().mapToLong(Long::longValue).sum()).max().orElse(0));
        double slot = PLOT_WIDTH / days;
        List<SvgChart.Bar> bars = new ArrayList<>();
        List<SvgChart.Label> labels = axis(top, "");
        for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            double stacked = 0;
            for (Map.Entry<String, Long> count : perDay.getOrDefault(day, Map.of()).entrySet()) {
                String colour = PALETTE.get(types.indexOf(count.getKey()) % PALETTE.size());
                double x = LEFT + i * slot;
                double height = count.getValue() / top * PLOT_HEIGHT;
                bars.add(new SvgChart.Bar(at(x + slot * 0.1), at(y(stacked, top) - height), at(slot * 0.8),
                        at(height), colour, day + ": " + count.getValue() + " " + count.getKey()));
                stacked += count.getValue();
            }
            if (i % Math.max(1, days / 7) == 0 || i == days - 1) {
                labels.add(new SvgChart.Label(at(LEFT + (i + 0.5) * slot), at(HEIGHT - 10),
                        day.getDayOfMonth() + "/" + day.getMonthValue(), "middle"));
            }
        }
        List<SvgChart.Legend> legend = types.stream()
                .map(type -> new SvgChart.Legend(PALETTE.get(types.indexOf(type) % PALETTE.size()), type)).toList();
        return new SvgChart("Alerts per day by type from " + first + " to " + last, WIDTH, HEIGHT, baseline(), bars,
                List.of(), "", labels, legend);
    }

    private static SvgChart.Rule baseline() {
        return new SvgChart.Rule(at(LEFT), at(LEFT + PLOT_WIDTH), at(TOP + PLOT_HEIGHT), "");
    }

    private static SvgChart.Bar bar(double x, double slot, double value, double top, String colour, String tooltip) {
        double height = value / top * PLOT_HEIGHT;
        return new SvgChart.Bar(at(x + slot * 0.1), at(y(value, top)), at(slot * 0.8), at(height), colour, tooltip);
    }

    /** The value axis: zero and the top value. */
    private static List<SvgChart.Label> axis(double top, String unit) {
        List<SvgChart.Label> labels = new ArrayList<>();
        labels.add(new SvgChart.Label(at(LEFT - 6), at(y(0, top) + 4), unit + "0", "end"));
        labels.add(new SvgChart.Label(at(LEFT - 6), at(TOP + 4), unit + plain(BigDecimal.valueOf(top)), "end"));
        return labels;
    }

    private static double y(double value, double top) {
        return TOP + PLOT_HEIGHT - value / top * PLOT_HEIGHT;
    }

    private static String plain(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        return rounded.stripTrailingZeros().scale() <= 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
