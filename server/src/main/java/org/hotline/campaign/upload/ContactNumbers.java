package org.hotline.campaign.upload;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.hotline.customer.LocatedNumber;
import org.hotline.customer.PhoneNumbers;

/**
 * Reads a contact's number as the centre's own phones would dial it, and says in which time zone
 * the customer lives, for a campaign's call window in their local time.
 */
public final class ContactNumbers {

    private final PhoneNumbers numbers;
    private final String areaCode;
    private final ZoneId centreZone;

    /**
     * @param numbers    the centre's region: numbers without a country code are from there
     * @param areaCode   the centre's area code (10 for Beijing), or null: a local number written without it is then no number
     * @param centreZone the zone of a customer whose number does not tell
     */
    public ContactNumbers(PhoneNumbers numbers, String areaCode, ZoneId centreZone) {
        this.numbers = Objects.requireNonNull(numbers);
        this.areaCode = areaCode;
        this.centreZone = Objects.requireNonNull(centreZone);
    }

    /** E.164, or empty when {@code written} is not a valid number. */
    public Optional<String> e164(String written) {
        return numbers.e164(written, areaCode);
    }

    /** The number in E.164 form with the customer's time zone ({@link #zoneOf}), read once. */
    public Optional<LocatedNumber> locate(String written) {
        return numbers.locate(written, areaCode).map(number -> number.zone() == null ? new LocatedNumber(number.e164(), centreZone) : number);
    }

    /**
     * The customer's time zone: from the number where its prefix names one zone; the centre's
     * where it names none or several (a campaign's numbers are mostly the centre's country).
     */
    public ZoneId zoneOf(String e164) {
        return numbers.timeZoneOf(e164).orElse(centreZone);
    }

    public String region() {
        return numbers.region();
    }
}
