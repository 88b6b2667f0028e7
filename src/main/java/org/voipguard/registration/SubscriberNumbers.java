package org.voipguard.registration;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Turns the user part of a SIP URI or a switch's user name into the E.164 number it stands
 * for: {@code +441632960001} as it is; {@code 441632960001} as {@code +441632960001} when that
 * is a possible number; {@code 01632960001} and {@code 00441632960001} as dialled in the
 * default country ({@code voipguard.default-country}, {@code GB} unless set). Anything else (an
 * extension such as {@code 301}, a name such as {@code admin}) is no number.
 */
public final class SubscriberNumbers {

    private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]{1,20}");

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
    private final String defaultCountry;

    public SubscriberNumbers(String defaultCountry) {
        String region = defaultCountry.strip().toUpperCase(Locale.ROOT);
        if (!phoneNumbers.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("voipguard.default-country must be a two-letter country code such as GB,"
                    + " not '" + defaultCountry + "'");
        }
        this.defaultCountry = region;
    }

    public String defaultCountry() {
        return defaultCountry;
    }

    /** The E.164 number, or empty when the text is no telephone number. */
    public Optional<String> e164(String user) {
        if (user == null || !DIGITS.matcher(user).matches()) {
            return Optional.empty();
        }
        if (user.startsWith("+")) {
            return possible(user, "ZZ");
        }
        if (user.startsWith("0")) {
            return possible(user, defaultCountry);
        }
        return possible("+" + user, "ZZ").or(() -> possible(user, defaultCountry));
    }

    private Optional<String> possible(String text, String region) {
        try {
            PhoneNumber number = phoneNumbers.parse(text, region);
            if (!phoneNumbers.isPossibleNumber(number)) {
                return Optional.empty();
            }
            String e164 = phoneNumbers.format(number, PhoneNumberFormat.E164);
            return RegistrationFields.isE164(e164) ? Optional.of(e164) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
