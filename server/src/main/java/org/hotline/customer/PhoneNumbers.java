package org.hotline.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
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
    /** A subscriber number as dialled inside its own area: no country code, no trunk prefix, 5 to 8 digits. */
    private static final Pattern LOCAL = Pattern.compile("[2-9][0-9]{4,7}");
    private static final Pattern SEPARATORS = Pattern.compile("[ ()./-]");

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
        return parse(raw).map(this::format);
    }

    /**
     * The number as a phone in the area {@code areaCode} would dial it: like {@link #e164(String)},
     * and a local number written without its area code ({@code 6234 5678} in Beijing, area code
     * 10) is that area's ({@code +861062345678}). Lists typed by people who work in the area often
     * leave the code out.
     *
     * @param areaCode the area code without the trunk prefix, or null: then no number is read as local
     */
    public Optional<String> e164(String raw, String areaCode) {
        return parseInArea(raw, areaCode).map(this::format);
    }

    /**
     * The number read as {@link #e164(String, String)} reads it, with its time zone as
     * {@link #timeZoneOf} finds it, from one parse: for lists of many thousand numbers.
     */
    public Optional<LocatedNumber> locate(String raw, String areaCode) {
        return parseInArea(raw, areaCode).map(number -> new LocatedNumber(format(number), zone(number).orElse(null)));
    }

    /**
     * The time zone of the place the number belongs to (libphonenumber's prefix data): a Chinese
     * number is in Asia/Shanghai, {@code +1 212} in America/New_York. Empty when the data does
     * not know, or names several zones (a Russian mobile, a North American toll-free number).
     */
    public Optional<ZoneId> timeZoneOf(String e164) {
        return parse(e164).flatMap(PhoneNumbers::zone);
    }

    private Optional<PhoneNumber> parseInArea(String raw, String areaCode) {
        Optional<PhoneNumber> number = parse(raw);
        if (number.isPresent() || areaCode == null || raw == null) {
            return number;
        }
        String digits = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (!LOCAL.matcher(digits).matches()) {
            return Optional.empty();
        }
        String trunk = util.getNddPrefixForRegion(region, true);
        return parse((trunk == null ? "" : trunk) + areaCode + digits);
    }

    private static Optional<ZoneId> zone(PhoneNumber number) {
        List<String> zones = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number);
        if (zones.size() != 1 || zones.getFirst().equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zones.getFirst()));
        } catch (DateTimeException e) {
            return Optional.empty(); // a zone name newer than this JVM's time-zone data
        }
    }

    private String format(PhoneNumber number) {
        return util.format(number, PhoneNumberFormat.E164);
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
