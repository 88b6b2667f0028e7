package org.voipguard.controlpage;

import java.util.List;
import java.util.Locale;

/**
 * A chart drawn on the server as SVG: bars, horizontal reference lines, one optional line
 * through points, labels and a legend. Coordinates are in SVG user units, as text; the
 * template only places them, and escapes every label.
 */
public record SvgChart(String title, int width, int height, Rule baseline, List<Bar> bars, List<Rule> rules,
        String line, List<Label> labels, List<Legend> legend) {

    public SvgChart {
        bars = List.copyOf(bars);
        rules = List.copyOf(rules);
        labels = List.copyOf(labels);
        legend = List.copyOf(legend);
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    /** A bar; {@code tooltip} is shown on hover. */
    public record Bar(String x, String y, String width, String height, String fill, String tooltip) {
    }

    /** A dashed horizontal line across the plot at height {@code y}, labelled at its right end. */
    public record Rule(String x1, String x2, String y, String label) {
    }

    public record Label(String x, String y, String text, String anchor) {
    }

    public record Legend(String fill, String text) {
    }

    /** A coordinate as SVG wants it: a dot for the decimals, whatever the locale. */
    static String at(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
