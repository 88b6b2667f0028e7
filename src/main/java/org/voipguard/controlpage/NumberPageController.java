package org.voipguard.controlpage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.voipguard.billing.SpendLedger;
import org.voipguard.billing.SpendRow;
import org.voipguard.cdr.CallStore;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.notification.AlertFilter;
import org.voipguard.notification.AlertQueries;
import org.voipguard.numbers.NumberOverview;
import org.voipguard.numbers.NumberOverviews;
import org.voipguard.numbers.SipPasswords;

/**
 * {@code /numbers/{number}}: a number's control page (settings, phones registered now, a month's
 * spend against its warning levels, twelve months of bills, recent alerts), and the search that
 * leads there from a number in any common form.
 */
@Controller
@ConditionalOnWebApplication
class NumberPageController {

    static final int RECENT_ALERTS = 20;

    private final NumberSearch search;
    private final NumberOverviews overviews;
    private final SpendLedger spend;
    private final CallStore calls;
    private final AlertQueries alerts;
    private final SipPasswords sipPasswords;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    NumberPageController(NumberSearch search, NumberOverviews overviews, SpendLedger spend, CallStore calls,
            AlertQueries alerts, SipPasswords sipPasswords, VoipGuardProperties properties) {
        this.search = search;
        this.overviews = overviews;
        this.spend = spend;
        this.calls = calls;
        this.alerts = alerts;
        this.sipPasswords = sipPasswords;
        this.zone = properties.timeZone();
    }

    /** A month's spend, the multiple of the warning level warned about and the next level that warns. */
    public record MonthSpend(YearMonth month, BigDecimal spendGbp, BigDecimal levelGbp, int warnedMultiple) {

        /** The level of the last warning sent; zero before the first. */
        public BigDecimal warnedGbp() {
            return levelGbp.multiply(BigDecimal.valueOf(warnedMultiple));
        }

        public BigDecimal nextWarningGbp() {
            return levelGbp.multiply(BigDecimal.valueOf(warnedMultiple + 1L));
        }
    }

    @GetMapping("/numbers")
    String search(@RequestParam(name = "q", required = false) String typed, Model model, HttpServletResponse response) {
        Optional<String> number = search.e164(typed);
        if (number.isPresent()) {
            return "redirect:/numbers/" + number.get();
        }
        model.addAttribute("typed", typed == null ? "" : typed);
        if (typed != null && !typed.isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "search";
    }

    @GetMapping("/numbers/{number}")
    String number(@PathVariable String number, @RequestParam(required = false) String month, Model model,
            HttpServletResponse response) {
        Optional<String> e164 = search.e164(number);
        if (e164.isPresent() && !e164.get().equals(number)) {
            return "redirect:/numbers/" + e164.get();
        }
        Instant now = clock.instant();
        Optional<NumberOverview> overview = e164.flatMap(n -> overviews.find(n, now));
        if (overview.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("typed", number);
            model.addAttribute("unknown", e164.orElse(null));
            return "search";
        }
        YearMonth shown = month(month).orElse(YearMonth.from(now.atZone(zone)));
        NumberOverview view = overview.get();
        String e164Number = view.settings().number();
        MonthSpend monthSpend = monthSpend(e164Number, shown, view.settings().billWarningLevelGbp());
        Map<YearMonth, BigDecimal> months = spend.monthsOf(e164Number, shown.minusMonths(11), shown).stream()
                .collect(Collectors.toMap(row -> YearMonth.parse(row.month()), SpendRow::spendGbp));
        model.addAttribute("overview", view);
        model.addAttribute("sipPasswordChanged", sipPasswords.lastChanged(e164Number).orElse(null));
        model.addAttribute("spend", monthSpend);
        model.addAttribute("monthsWithSpend", months.keySet().stream().sorted().toList());
        model.addAttribute("dailyChart", Charts.dailySpend(shown, calls.dailySpend(e164Number, shown, zone),
                monthSpend.levelGbp()));
        model.addAttribute("monthlyChart", Charts.monthlySpend(shown, months));
        model.addAttribute("alerts", alerts.list(new AlertFilter(null, e164Number, null, null), RECENT_ALERTS));
        return "number";
    }

    private MonthSpend monthSpend(String number, YearMonth month, BigDecimal level) {
        Optional<SpendRow> row = spend.spendOf(number, month.toString());
        return new MonthSpend(month, row.map(SpendRow::spendGbp).orElse(BigDecimal.ZERO), level,
                row.map(SpendRow::warnedMultiple).orElse(0));
    }

    private static Optional<YearMonth> month(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new BadPageParameterException("month", "a month as YYYY-MM, e.g. 2026-10");
        }
    }
}
