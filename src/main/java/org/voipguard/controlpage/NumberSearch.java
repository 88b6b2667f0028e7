package org.voipguard.controlpage;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.voipguard.config.VoipGuardProperties;
import org.voipguard.registration.SubscriberNumbers;

/**
 * A number as people type it into a search box: {@code +441632960001}, {@code 441632960001},
 * {@code 01632 960001}, {@code (01632) 960-001}, {@code 0044 1632 960001}, national numbers in
 * {@code voipguard.default-country}; read by the same rules as a switch's SIP user.
 */
@Component
class NumberSearch {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-/]");
    private static final int LONGEST_TYPED = 40;

    private final SubscriberNumbers numbers;

    @Autowired
    NumberSearch(VoipGuardProperties properties) {
        this(properties.defaultCountry());
    }

    /** @param defaultCountry the ISO 3166 country of national numbers, e.g. {@code GB} */
    NumberSearch(String defaultCountry) {
        this.numbers = new SubscriberNumbers(defaultCountry);
    }

    /** The E.164 number the text stands for; empty when it is no telephone number. */
    Optional<String> e164(String typed) {
        if (typed == null || typed.length() > LONGEST_TYPED) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.regionMatches(true, 0, "tel:", 0, 4)) {
            text = text.substring(4);
        }
        return numbers.e164(SEPARATORS.matcher(text).replaceAll(""));
    }
}
