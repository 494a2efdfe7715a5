package org.hotline.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the numbers callers present, or operators type, into one form (E.164) so that a customer
 * is found however the network wrote their number: {@code 13800138000}, {@code 008613800138000}
 * and {@code +86 138 0013 8000} are the same caller. A number without a country code is read as
 * one of the centre's region; one with a trunk prefix ({@code 010 6234 5678}) loses it.
 */
public final class PhoneNumbers {

    /** Digits and the separators people write; no letters (libphonenumber would read 1-800-FLOWERS as digits). */
    private static final Pattern WRITTEN = Pattern.compile("\\+?[0-9 ()./-]{1,40}");

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String region;

    /** @param region the centre's region (ISO 3166 code, e.g. CN): numbers dialled without a country code are from there */
    public PhoneNumbers(String region) {
        String code = region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(code)) {
            throw new IllegalArgumentException("'" + region + "' is not a region code libphonenumber knows (e.g. CN)");
        }
        this.region = code;
    }

    public String region() {
        return region;
    }

    /**
     * The number in E.164 form, e.g. {@code +8613800138000}; empty for no number, an anonymous
     * caller, a short service number (10086) or anything that is not a valid number. Validity is
     * judged by the number plan data of the libphonenumber release in use.
     */
    public Optional<String> e164(String raw) {
        return parse(raw).map(number -> util.format(number, PhoneNumberFormat.E164));
    }

    /**
     * How the centre dials a number (E.164 or as written): national form at home, e.g.
     * {@code 13800138000} or {@code 01062345678}, the international prefix abroad
     * ({@code 0012125550100}); digits only. Empty when it is not a valid number.
     */
    public Optional<String> dialFromCentre(String raw) {
        return parse(raw).map(number -> util.formatOutOfCountryCallingNumber(number, region).replaceAll("[^0-9]", ""));
    }

    /** The parsed number, when it is a valid one. */
    Optional<PhoneNumber> parse(String raw) {
        if (raw == null || !WRITTEN.matcher(raw.strip()).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = util.parse(raw.strip(), region);
            return util.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The country calling code of the centre's region, e.g. 86 for CN. */
    int countryCode() {
        return util.getCountryCodeForRegion(region);
    }
}
