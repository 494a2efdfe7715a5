package org.hotline.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which callers are long-distance (the handbook: they get priority when several calls wait): those
 * whose number's area is not the centre's ({@code centre.areaCode}, e.g. 10 for Beijing).
 * <ul>
 *   <li>a number of another country is long-distance;</li>
 *   <li>a fixed line is long-distance when its area code differs from the centre's;</li>
 *   <li>a mobile has no area code: its area is where it was registered (归属地), which the
 *       libphonenumber geocoder names from its prefix; it is long-distance when that place is not
 *       one the centre's area code covers. When the geocoder does not know the place (it then
 *       names only the country), or does not know the centre's, the mobile counts as local: a
 *       head start is given only where it is known to be due;</li>
 *   <li>a number that is not valid, or unknown, is not long-distance.</li>
 * </ul>
 * Without an area code for the centre, nobody is long-distance.
 */
public final class LongDistanceRule {

    /** The geocoder's Chinese names are the ones its data is most complete in. */
    private static final Locale PLACE_NAMES = Locale.SIMPLIFIED_CHINESE;
    private static final Pattern AREA_CODE = Pattern.compile("[0-9]{1,4}");
    private static final LongDistanceRule NOBODY = new LongDistanceRule(null, null, null);
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberOfflineGeocoder GEOCODER = PhoneNumberOfflineGeocoder.getInstance();

    private final PhoneNumbers numbers;
    private final String areaCode;
    /** The places the centre's area code covers, or null when the geocoder does not name them. */
    private final GeocodedArea centreArea;

    private LongDistanceRule(PhoneNumbers numbers, String areaCode, GeocodedArea centreArea) {
        this.numbers = numbers;
        this.areaCode = areaCode;
        this.centreArea = centreArea;
    }

    /** No area code for the centre: no caller is long-distance. */
    public static LongDistanceRule nobody() {
        return NOBODY;
    }

    /**
     * @param numbers  the centre's region
     * @param areaCode the centre's area code without the trunk prefix (10 for Beijing, 755 for
     *                 Shenzhen), or null for none
     * @throws IllegalArgumentException when the region has no such area code
     */
    public static LongDistanceRule forCentre(PhoneNumbers numbers, String areaCode) {
        if (areaCode == null) {
            return NOBODY;
        }
        if (!AREA_CODE.matcher(areaCode).matches()) {
            throw new IllegalArgumentException("'" + areaCode + "' is not an area code (1 to 4 digits, without the leading 0)");
        }
        PhoneNumber sample = sampleFixedLine(numbers, areaCode)
                .orElseThrow(() -> new IllegalArgumentException("'" + areaCode + "' is not an area code in " + numbers.region()));
        return new LongDistanceRule(numbers, areaCode, place(sample).orElse(null));
    }

    /** @param e164 the caller's number in E.164 form, or null when unknown */
    public boolean appliesTo(String e164) {
        if (numbers == null || e164 == null) {
            return false;
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(e164, numbers.region());
        } catch (NumberParseException e) {
            return false;
        }
        if (!UTIL.isValidNumber(number)) {
            return false;
        }
        if (number.getCountryCode() != numbers.countryCode()) {
            return true;
        }
        String national = UTIL.getNationalSignificantNumber(number);
        int areaLength = UTIL.getLengthOfGeographicalAreaCode(number);
        if (areaLength > 0) {
            return !national.substring(0, areaLength).equals(areaCode);
        }
        // no area code (a mobile): compare where it is registered with the centre's area, where both are known
        if (centreArea == null) {
            return false;
        }
        return place(number).map(caller -> !centreArea.covers(caller.first())).orElse(false);
    }

    /** Where the geocoder places the number, if it knows more than the country. */
    private static Optional<GeocodedArea> place(PhoneNumber number) {
        String description = GEOCODER.getDescriptionForNumber(number, PLACE_NAMES);
        String country = Locale.of("", UTIL.getRegionCodeForNumber(number)).getDisplayCountry(PLACE_NAMES);
        if (description.isBlank() || description.equals(country)) {
            return Optional.empty();
        }
        return Optional.of(GeocodedArea.of(description));
    }

    /** A valid fixed-line number in the area, to ask the geocoder what it calls the area. */
    private static Optional<PhoneNumber> sampleFixedLine(PhoneNumbers numbers, String areaCode) {
        for (int localLength = 8; localLength >= 5; localLength--) {
            for (char first = '2'; first <= '8'; first++) {
                String national = areaCode + first + "2345678".substring(0, localLength - 1);
                PhoneNumber number = new PhoneNumber().setCountryCode(numbers.countryCode()).setNationalNumber(Long.parseLong(national));
                PhoneNumberType type = UTIL.getNumberType(number);
                if (UTIL.isValidNumber(number)
                        && (type == PhoneNumberType.FIXED_LINE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE)
                        && UTIL.getLengthOfGeographicalAreaCode(number) == areaCode.length()
                        && UTIL.getNationalSignificantNumber(number).startsWith(areaCode)) {
                    return Optional.of(number);
                }
            }
        }
        return Optional.empty();
    }
}
