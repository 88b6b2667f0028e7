package org.voipguard.support;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties VoIPGuard's own tables between tests that share a Spring context. */
public final class TestDatabase {

    private static final List<String> TABLES = List.of("outbox_sending", "alert_email", "email_outbox", "alert", "rejected_line", "uncharged_batch", "cdr",
            "cdr_open_call", "monthly_spend", "monthly_bill", "month_close", "imported_file", "registration_outcome", "registration_event", "known_ip",
            "known_user_agent", "registered_phone", "lockdown_notice", "sip_credential", "number_settings", "abuse_window",
            "address_ban");

    private TestDatabase() {
    }

    public static void clear(JdbcTemplate jdbc) {
        for (String table : TABLES) {
            jdbc.update("DELETE FROM " + table);
        }
    }
}
