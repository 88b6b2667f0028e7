package org.voipguard.enforcement;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code serve}.
 *
 * @param token           when set, every {@code /v1} request needs {@code Authorization: Bearer <token>}
 * @param refreshInterval how often the settings stamp and the rule files are looked at
 */
@ConfigurationProperties("voipguard.serve")
public record ServeProperties(String token, Duration refreshInterval) {

    public ServeProperties {
        token = token == null || token.isBlank() ? null : token.strip();
        refreshInterval = refreshInterval != null ? refreshInterval : Duration.ofSeconds(1);
    }

    boolean requiresToken() {
        return token != null;
    }
}
