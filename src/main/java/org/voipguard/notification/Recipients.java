package org.voipguard.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voipguard.numbers.EmailAddress;

/**
 * Who receives an alert: bill warnings go to the number's and the login's address (once
 * when they are the same, ignoring case), every other alert to the number's address only.
 * An address that is not one plain, deliverable address ({@link EmailAddress}) is left out,
 * so nothing but an address ever reaches a header.
 */
final class Recipients {

    static final String BILL_WARNING = "BILL_WARNING";

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private Recipients() {
    }

    static List<String> of(String alertType, NumberAddresses.Addresses addresses) {
        if (addresses == null) {
            return List.of();
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(addresses.numberEmail());
        if (BILL_WARNING.equals(alertType)) {
            candidates.add(addresses.loginEmail());
        }
        List<String> recipients = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String candidate : candidates) {
            String address = plainAddress(addresses.number(), candidate);
            if (address != null && seen.add(address.toLowerCase(Locale.ROOT))) {
                recipients.add(address);
            }
        }
        return List.copyOf(recipients);
    }

    /** The operators' address ({@code voipguard.operator-email}), if set and deliverable. */
    static List<String> operators(String operatorEmail) {
        String address = plainAddress("voipguard.operator-email", operatorEmail);
        return address == null ? List.of() : List.of(address);
    }

    private static String plainAddress(String number, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String candidate = text.strip();
        Optional<String> problem = EmailAddress.problem(candidate);
        if (problem.isPresent()) {
            // stored before numbers import checked addresses this way; import refuses it now
            log.warn("number {}: email address is not one the mail system can deliver to ({}), no email sent to it",
                    number, SafeText.clean(problem.get(), 200));
            return null;
        }
        return candidate;
    }
}
