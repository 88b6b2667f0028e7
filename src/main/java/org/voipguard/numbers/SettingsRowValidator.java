package org.voipguard.numbers;

import org.voipguard.config.NotifyMode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/** Checks every cell of a settings row; an empty cell is {@code null}, meaning the default. */
final class SettingsRowValidator {

    static final String NUMBER = "number";
    static final String LOGIN = "login";
    static final String NUMBER_EMAIL = "number_email";
    static final String LOGIN_EMAIL = "login_email";
    static final String NATIONAL_LIMIT = "national_limit_ppm";
    static final String INTERNATIONAL_LIMIT = "international_limit_ppm";
    static final String ACCESS_LIST = "ip_access_list";
    static final String NOTIFY = "ip_agent_notify";
    static final String WARNING_LEVEL = "bill_warning_level_gbp";
    static final String THRESHOLD_PROFILE = "threshold_profile";

    /** The columns every settings file has. */
    static final List<String> COLUMNS = List.of(NUMBER, LOGIN, NUMBER_EMAIL, LOGIN_EMAIL, NATIONAL_LIMIT,
            INTERNATIONAL_LIMIT, ACCESS_LIST, NOTIFY, WARNING_LEVEL);
    /** The columns a settings file may add; left out, their cells are empty. */
    static final List<String> OPTIONAL_COLUMNS = List.of(THRESHOLD_PROFILE);
    static final List<String> ALL_COLUMNS = List.of(NUMBER, LOGIN, NUMBER_EMAIL, LOGIN_EMAIL, NATIONAL_LIMIT,
            INTERNATIONAL_LIMIT, ACCESS_LIST, NOTIFY, WARNING_LEVEL, THRESHOLD_PROFILE);

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,4})?");
    private static final Pattern MONEY = Pattern.compile("[0-9]{1,7}(\\.[0-9]{1,2})?");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    /** As the thresholds file writes a profile. */
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final BigDecimal MAX_LIMIT_PPM = new BigDecimal("100000");
    private static final BigDecimal MAX_WARNING_LEVEL_GBP = new BigDecimal("1000000");
    private static final int MAX_LOGIN_LENGTH = 100;
    private static final int MAX_ACCESS_LIST_LENGTH = 4000;

    /** A field that failed, with the reason in words an operator can act on. */
    record Problem(String field, String reason) {
    }

    /** Either a row or the problems that keep it out. */
    record Result(SettingsRow row, List<Problem> problems) {
        boolean isValid() {
            return problems.isEmpty();
        }
    }

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    Result validate(Map<String, String> cells) {
        Checker checker = new Checker(cells);
        String number = checker.required(NUMBER, this::number);
        String login = checker.required(LOGIN, SettingsRowValidator::login);
        String numberEmail = checker.optional(NUMBER_EMAIL, SettingsRowValidator::email);
        String loginEmail = checker.optional(LOGIN_EMAIL, SettingsRowValidator::email);
        BigDecimal national = checker.optional(NATIONAL_LIMIT, SettingsRowValidator::limit);
        BigDecimal international = checker.optional(INTERNATIONAL_LIMIT, SettingsRowValidator::limit);
        String accessList = checker.optional(ACCESS_LIST, SettingsRowValidator::accessList);
        NotifyMode notify = checker.optional(NOTIFY, SettingsRowValidator::notifyMode);
        BigDecimal level = checker.optional(WARNING_LEVEL, SettingsRowValidator::warningLevel);
        String profile = checker.optional(THRESHOLD_PROFILE, SettingsRowValidator::thresholdProfile);
        if (!checker.problems.isEmpty()) {
            return new Result(null, checker.problems);
        }
        return new Result(new SettingsRow(number, login, numberEmail, loginEmail, national, international,
                accessList, notify, level, profile), List.of());
    }

    private String number(String text) {
        if (!E164.matcher(text).matches()) {
            throw new IllegalArgumentException("not an E.164 number (+ then 7 to 15 digits, e.g. +441632960001): "
                    + EmailAddress.shown(text));
        }
        try {
            String formatted = phoneNumbers.format(phoneNumbers.parse(text, "ZZ"), PhoneNumberFormat.E164);
            if (!formatted.equals(text)) {
                throw new IllegalArgumentException("not a canonical E.164 number: " + EmailAddress.shown(text)
                        + " (did you mean " + formatted + "?)");
            }
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not a telephone number: " + EmailAddress.shown(text) + ": " + e.getMessage());
        }
        return text;
    }

    private static String login(String text) {
        rejectControlCharacters(text);
        if (text.length() > MAX_LOGIN_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_LOGIN_LENGTH + " characters");
        }
        return text;
    }

    private static String email(String text) {
        EmailAddress.problem(text).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return text;
    }

    private static BigDecimal limit(String text) {
        if (!LIMIT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a price in pence per minute (e.g. 20 or 7.5, at most 4 decimals): "
                    + EmailAddress.shown(text));
        }
        BigDecimal limit = new BigDecimal(text);
        if (limit.compareTo(MAX_LIMIT_PPM) > 0) {
            throw new IllegalArgumentException(text + " is above the maximum of " + MAX_LIMIT_PPM + " pence per minute");
        }
        return limit;
    }

    private static String accessList(String text) {
        rejectControlCharacters(text);
        if (text.length() > MAX_ACCESS_LIST_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_ACCESS_LIST_LENGTH + " characters");
        }
        try {
            return IpAccessList.parse(text).asEntered();
        } catch (InvalidAccessListException e) {
            throw new IllegalArgumentException("invalid IP access list item " + e.getMessage());
        }
    }

    private static NotifyMode notifyMode(String text) {
        for (NotifyMode mode : NotifyMode.values()) {
            if (mode.name().equals(text.toUpperCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("not one of NEW_IP_OR_AGENT, NEW_AGENT, NONE: " + EmailAddress.shown(text));
    }

    private static BigDecimal warningLevel(String text) {
        if (!MONEY.matcher(text).matches()) {
            throw new IllegalArgumentException("not an amount in GBP (e.g. 10 or 25.50, at most 2 decimals): "
                    + EmailAddress.shown(text));
        }
        BigDecimal level = new BigDecimal(text);
        if (level.signum() <= 0) {
            throw new IllegalArgumentException("must be above zero");
        }
        if (level.compareTo(MAX_WARNING_LEVEL_GBP) > 0) {
            throw new IllegalArgumentException(text + " is above the maximum of GBP " + MAX_WARNING_LEVEL_GBP);
        }
        return level;
    }

    private static String thresholdProfile(String text) {
        if (!PROFILE.matcher(text).matches()) {
            throw new IllegalArgumentException("not a profile of the thresholds file (letters, digits, . _ -, at most"
                    + " 40, e.g. call-centre): " + EmailAddress.shown(text));
        }
        return text;
    }

    private static void rejectControlCharacters(String text) {
        if (CONTROL.matcher(text).find()) {
            throw new IllegalArgumentException("contains a control character (line break, tab, ...)");
        }
    }

    /** Shows a bad value safely: control characters escaped, long values cut. */

    /** Runs the per-field checks of one row, collecting every problem rather than stopping at the first. */
    private static final class Checker {
        private final Map<String, String> cells;
        private final List<Problem> problems = new ArrayList<>();

        Checker(Map<String, String> cells) {
            this.cells = cells;
        }

        <T> T required(String field, Function<String, T> check) {
            String text = cells.get(field);
            if (text == null || text.isEmpty()) {
                problems.add(new Problem(field, "required, but empty"));
                return null;
            }
            return run(field, text, check);
        }

        <T> T optional(String field, Function<String, T> check) {
            String text = cells.get(field);
            return text == null || text.isEmpty() ? null : run(field, text, check);
        }

        private <T> T run(String field, String text, Function<String, T> check) {
            try {
                return check.apply(text);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(field, e.getMessage()));
                return null;
            }
        }
    }
}
