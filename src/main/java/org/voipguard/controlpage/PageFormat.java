package org.voipguard.controlpage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

import org.voipguard.numbers.DisplayText;

/**
 * How the pages write times, money and text from the network. Thymeleaf escapes what it
 * prints; this only makes it readable (no control or invisible characters, a sane length).
 */
public final class PageFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");
    private static final int FACT_WIDTH = 200;

    private final ZoneId zone;

    PageFormat(ZoneId zone) {
        this.zone = zone;
    }

    public String time(Instant time) {
        return time == null ? "" : TIME.format(time.atZone(zone));
    }

    public String time(OffsetDateTime time) {
        return time == null ? "" : time(time.toInstant());
    }

    public String gbp(BigDecimal amount) {
        return "GBP " + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public String ppm(BigDecimal pence) {
        return pence.stripTrailingZeros().toPlainString() + "p/min";
    }

    /** Network text made printable and cut to {@code width} characters. */
    public String text(String untrusted, int width) {
        return DisplayText.clean(untrusted, width);
    }

    /** An alert's facts as {@code key=value, key=value}, each value made printable. */
    public String facts(Map<String, String> facts) {
        return facts.entrySet().stream()
                .map(fact -> text(fact.getKey(), 40) + "=" + text(fact.getValue(), FACT_WIDTH))
                .collect(Collectors.joining(", "));
    }

    public ZoneId zone() {
        return zone;
    }
}
