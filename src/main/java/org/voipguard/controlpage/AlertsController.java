package org.voipguard.controlpage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.notification.AlertFilter;
import org.voipguard.notification.AlertQueries;

/** {@code /alerts}: the alerts, newest first, filtered by type, number and days; each with its email. */
@Controller
@ConditionalOnWebApplication
class AlertsController {

    static final int MOST_LISTED = 200;
    private static final Pattern ALERT_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final AlertQueries alerts;
    private final NumberSearch search;
    private final ZoneId zone;

    AlertsController(AlertQueries alerts, NumberSearch search, VoipGuardProperties properties) {
        this.alerts = alerts;
        this.search = search;
        this.zone = properties.timeZone();
    }

    /** The filter as typed, to show it again in the form. */
    public record Typed(String type, String number, String from, String to) {
    }

    @GetMapping("/alerts")
    String alerts(@RequestParam(required = false) String type, @RequestParam(required = false) String number,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        AlertFilter filter = new AlertFilter(type(type), number(number), startOf(day("from", from)),
                startOf(dayAfter(day("to", to))));
        model.addAttribute("typed", new Typed(blankToEmpty(type), blankToEmpty(number), blankToEmpty(from),
                blankToEmpty(to)));
        model.addAttribute("types", alerts.types());
        model.addAttribute("alerts", alerts.list(filter, MOST_LISTED));
        model.addAttribute("mostListed", MOST_LISTED);
        return "alerts";
    }

    private static String type(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!ALERT_TYPE.matcher(text.strip()).matches()) {
            throw new BadPageParameterException("type", "an alert type such as NEW_IP");
        }
        return text.strip();
    }

    private String number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return search.e164(text).orElseThrow(() -> new BadPageParameterException("number",
                "a phone number such as +441632960001 or 01632 960001"));
    }

    private static LocalDate day(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadPageParameterException(parameter, "a day as YYYY-MM-DD, e.g. 2026-10-20");
        }
    }

    /** The filter's last day is included: alerts up to the start of the day after. */
    private static LocalDate dayAfter(LocalDate day) {
        return day == null ? null : day.plusDays(1);
    }

    private Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text;
    }
}
