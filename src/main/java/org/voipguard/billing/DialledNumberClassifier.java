package org.voipguard.billing;

import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;

/**
 * Turns a number as the customer dialled it ({@code 01632 960001}, {@code 0044…}, {@code +1…},
 * {@code 0033…}) into its E.164 form and tells national from international and premium rate.
 * Numbers are not required to be valid, only parseable: Ofcom's drama ranges must classify.
 * Thread-safe and stateless.
 */
@Component
public class DialledNumberClassifier {

    static final String DEFAULT_REGION = "GB";
    private static final int UK_COUNTRY_CODE = 44;
    /** Longer than any dialled number with prefixes and separators; longer input is not a number. */
    private static final int MAX_INPUT_LENGTH = 64;
    /** UK short codes (999, 112, 118xxx) are at most six digits; they are not 09 premium numbers. */
    private static final int MAX_SHORT_CODE_LENGTH = 6;
    /** Nearly every UK national significant number has 9 or 10 digits; only these take the fast path. */
    private static final int MIN_FAST_UK_LENGTH = 9;
    private static final int MAX_FAST_UK_LENGTH = 10;

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
    /**
     * libphonenumber's own UK premium-rate pattern; matching it directly gives the same answer as
     * {@code getNumberType(..) == PREMIUM_RATE} without testing every other number type first.
     */
    private final Pattern ukPremiumRate = Pattern.compile(DefaultMetadataDependenciesProvider.getInstance()
            .getPhoneNumberMetadataSource().getMetadataForRegion(DEFAULT_REGION).getPremiumRate()
            .getNationalNumberPattern());

    public Classification classify(String dialled) throws PricingException {
        String cleaned = clean(dialled);
        String ukNumber = ukNationalSignificantNumber(cleaned);
        if (ukNumber != null) {
            return new Classification("+44" + ukNumber, CallClass.NATIONAL, isUkPremium(ukNumber));
        }
        PhoneNumber number = parse(cleaned);
        boolean national = number.getCountryCode() == UK_COUNTRY_CODE;
        String e164 = phoneNumbers.format(number, PhoneNumberFormat.E164);
        boolean premium = national && isUkPremium(phoneNumbers.getNationalSignificantNumber(number));
        return new Classification(e164, national ? CallClass.NATIONAL : CallClass.INTERNATIONAL, premium);
    }

    /** Drops spaces, dashes, dots and brackets; keeps digits and a leading plus. */
    private static String clean(String dialled) throws PricingException {
        if (dialled == null || dialled.isBlank()) {
            throw new PricingException("called", "the called number is empty");
        }
        if (dialled.length() > MAX_INPUT_LENGTH) {
            throw new PricingException("called", "the called number is too long to be a phone number");
        }
        StringBuilder cleaned = new StringBuilder(dialled.length());
        for (int i = 0; i < dialled.length(); i++) {
            char c = dialled.charAt(i);
            if (c >= '0' && c <= '9') {
                cleaned.append(c);
            } else if (c == '+' && cleaned.length() == 0) {
                cleaned.append(c);
            } else if (Character.isLetter(c)) {
                throw new PricingException("called", "the called number has letters");
            } else if (!isSeparator(c)) {
                throw new PricingException("called",
                        "the called number has a character that is not part of a phone number");
            }
        }
        return cleaned.toString();
    }

    /**
     * The national significant number of a UK number in one of the everyday forms
     * ({@code +44…}, {@code 0044…}, {@code 0…}), or null for anything else. For these forms
     * libphonenumber's answer is known (the digits after the prefix), and working it out here
     * costs a fraction of a parse; everything else, short codes and {@code +44 (0)…} included,
     * is left to libphonenumber.
     */
    private static String ukNationalSignificantNumber(String cleaned) {
        String national;
        if (cleaned.startsWith("+44")) {
            national = cleaned.substring(3);
        } else if (cleaned.startsWith("0044")) {
            national = cleaned.substring(4);
        } else if (cleaned.startsWith("0")) {
            national = cleaned.substring(1);
        } else {
            return null;
        }
        boolean usual = national.length() >= MIN_FAST_UK_LENGTH && national.length() <= MAX_FAST_UK_LENGTH
                && national.charAt(0) != '0' && national.indexOf('+') < 0;
        return usual ? national : null;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '.' || c == '('
                || c == ')' || c == '[' || c == ']';
    }

    private PhoneNumber parse(String cleaned) throws PricingException {
        try {
            return phoneNumbers.parse(cleaned, DEFAULT_REGION);
        } catch (NumberParseException e) {
            throw new PricingException("called", "the called number cannot be read: " + reason(e));
        }
    }

    private static String reason(NumberParseException e) {
        switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE:
                return "unknown country code";
            case TOO_SHORT_AFTER_IDD:
                return "too short after the international prefix";
            case TOO_SHORT_NSN:
                return "too short";
            case TOO_LONG:
                return "too long";
            default:
                return "not a phone number";
        }
    }

    private boolean isUkPremium(String nationalSignificantNumber) {
        if (nationalSignificantNumber.startsWith("9")) {
            return nationalSignificantNumber.length() > MAX_SHORT_CODE_LENGTH;
        }
        return ukPremiumRate.matcher(nationalSignificantNumber).matches();
    }
}
