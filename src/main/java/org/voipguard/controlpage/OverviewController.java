package org.voipguard.controlpage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.voipguard.blocklist.BlocklistService;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.imports.RecentImports;
import org.voipguard.notification.AlertQueries;
import org.voipguard.notification.AlertStore;

/**
 * {@code /}: what the rules raised in the last 24 hours, the numbers most alerted, the addresses
 * on the blocklist now, the last imports.
 */
@Controller
@ConditionalOnWebApplication
class OverviewController {

    static final Duration RECENT = Duration.ofHours(24);
    static final int TOP_NUMBERS = 10;
    static final int CHART_DAYS = 14;
    static final int LAST_IMPORTS = 10;

    private final AlertQueries alerts;
    private final AlertStore alertStore;
    private final RecentImports imports;
    private final BlocklistService blocklist;
    private final ZoneId zone;
    private final Clock clock;

    OverviewController(AlertQueries alerts, AlertStore alertStore, RecentImports imports, BlocklistService blocklist,
            VoipGuardProperties properties) {
        this.alerts = alerts;
        this.alertStore = alertStore;
        this.imports = imports;
        this.blocklist = blocklist;
        this.zone = properties.timeZone();
        this.clock = Clock.systemUTC();
    }

    /** An import with the alerts it raised. */
    public record ImportLine(RecentImports.RecentImport file, long alerts) {
    }

    @GetMapping("/")
    String overview(Model model) {
        Instant now = clock.instant();
        Instant since = now.minus(RECENT);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate firstDay = today.minusDays(CHART_DAYS - 1L);
        model.addAttribute("since", since);
        model.addAttribute("countsByType", alerts.countsByTypeAndSeverity(since));
        model.addAttribute("topNumbers", alerts.topNumbers(since, TOP_NUMBERS));
        model.addAttribute("alertsChart", Charts.alertsPerDay(firstDay, today,
                alerts.perDayByType(firstDay.atStartOfDay(zone).toInstant(), zone)));
        model.addAttribute("imports", imports.latest(LAST_IMPORTS).stream()
                .map(file -> new ImportLine(file, alertStore.countOf(file.importId()))).toList());
        model.addAttribute("blocklist", blocklist.at(now, Optional.empty()));
        return "overview";
    }
}
