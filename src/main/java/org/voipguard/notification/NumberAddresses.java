package org.voipguard.notification;

import java.util.Collection;
import java.util.Map;

import org.voipguard.numbers.NumberDirectory;
import org.voipguard.numbers.NumberSettings;
import org.voipguard.numbers.SettingsLookup;

/**
 * The email addresses of the numbers one compose run writes to, each number's read once for the
 * whole run (see {@link SettingsLookup}): a large backlog names most numbers, and reading them
 * page by page would cost a look-up in the settings index per number per page. An address
 * changed while the run goes on reaches the next run's emails.
 */
final class NumberAddresses {

    /** Where a number's emails go: its own address, and its login's for bill warnings. */
    record Addresses(String number, String numberEmail, String loginEmail) {

        static Addresses of(NumberSettings settings) {
            return new Addresses(settings.number(), settings.numberEmail(), settings.loginEmail());
        }
    }

    /** Numbers whose addresses a run holds at most, about 250 bytes each. */
    static final int CAPACITY = 250_000;

    private final SettingsLookup<Addresses> addresses;

    NumberAddresses(NumberDirectory numbers) {
        this.addresses = new SettingsLookup<>(numbers, Addresses::of, CAPACITY);
    }

    /** The addresses of every number given, those without settings of their own with the defaults'. */
    Map<String, Addresses> of(Collection<String> wanted) {
        return addresses.of(wanted);
    }
}
