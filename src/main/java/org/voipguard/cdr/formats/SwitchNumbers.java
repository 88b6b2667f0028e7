package org.voipguard.cdr.formats;

import java.util.regex.Pattern;

import org.voipguard.cdr.InvalidCdrException;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * Turns the numbers switches write ({@code 01632960001}, {@code 441632960001},
 * {@code +44 1632 960001}, {@code 0033140000000}, {@code sip:+441632960001@…}'s user part) into
 * E.164 with libphonenumber; a number without a country code is in the default country.
 * Numbers need not be valid, only readable: the tariff decides what a dialled number costs.
 */
final class SwitchNumbers {

    private static final Pattern DIGITS_ONLY = Pattern.compile("[0-9]{7,15}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern PHONE_TEXT = Pattern.compile("\\+?[0-9 ().\\-]{1,40}");

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final int defaultCountryCode;

    SwitchNumbers(String defaultRegion) {
        int code = PhoneNumberUtil.getInstance().getCountryCodeForRegion(defaultRegion);
        if (code == 0) {
            throw new IllegalArgumentException("voipguard.default-country must be an ISO 3166 region "
                    + "such as GB, not " + defaultRegion);
        }
        this.defaultRegion = defaultRegion;
        this.defaultCountryCode = code;
    }

    /** True when the text looks like a phone number at all (an endpoint may be a name such as {@code alice}). */
    static boolean looksLikeNumber(String text) {
        return !text.isEmpty() && PHONE_TEXT.matcher(text).matches() && text.chars().anyMatch(Character::isDigit);
    }

    /**
     * The E.164 form of a number. Digits that start with the default country's code and are too
     * long to be a national number ({@code 441632960001}) are read as international, as
     * switches often write them without the plus.
     */
    String e164(String text, String field) throws InvalidCdrException {
        if (!looksLikeNumber(text)) {
            throw new InvalidCdrException(field, "must be a phone number, got \"" + Shown.of(text) + "\"");
        }
        String candidate = withoutNationalAmbiguity(text.strip());
        try {
            String e164 = phoneNumbers.format(phoneNumbers.parse(candidate, defaultRegion), PhoneNumberFormat.E164);
            if (!E164.matcher(e164).matches()) {
                throw new InvalidCdrException(field, "is not a phone number that has an E.164 form: \""
                        + Shown.of(text) + "\"");
            }
            return e164;
        } catch (NumberParseException e) {
            throw new InvalidCdrException(field, "cannot be read as a phone number (" + e.getErrorType()
                    .name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): \"" + Shown.of(text) + "\"");
        }
    }

    private String withoutNationalAmbiguity(String text) {
        String prefix = String.valueOf(defaultCountryCode);
        if (DIGITS_ONLY.matcher(text).matches() && text.startsWith(prefix) && text.length() >= prefix.length() + 9) {
            return "+" + text;
        }
        return text;
    }
}
