package org.hotline.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which numbers the centre may call back or dial in a campaign: a caller ID can be spoofed and a
 * contact list can be wrong, so an agent is never put through to an emergency service, a short
 * code or a premium-rate line because someone presented one. Judged for the centre's region by
 * libphonenumber's number plans, plus the emergency numbers and refused prefixes configured.
 *
 * @param region       the centre's region (ISO 3166, e.g. CN): numbers without a country code are from there
 * @param emergency    emergency numbers refused in any form (the region's own, from libphonenumber, always are)
 * @param refusedTypes kinds of full numbers refused (premium rate at least)
 * @param prefixes     E.164 prefixes refused whatever their kind (e.g. a national premium range the data does not mark)
 * @param foreign      whether numbers of other countries may be dialled
 */
public record DialRule(String region, List<String> emergency, Set<Kind> refusedTypes, List<String> prefixes, boolean foreign) {

    /** A number's kind a rule may refuse. */
    public enum Kind {
        PREMIUM_RATE, SHARED_COST, TOLL_FREE, UAN, VOIP, PERSONAL_NUMBER, PAGER, VOICEMAIL;

        /** The configuration's spelling: premium-rate, shared-cost, … */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Kind> byId(String id) {
            for (Kind kind : values()) {
                if (kind.id().equals(id)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** Why a number is not dialled, as recorded on the request. */
    public enum Refusal {
        EMERGENCY, SHORT_CODE, PREMIUM_RATE, REFUSED_KIND, REFUSED_PREFIX, FOREIGN, NOT_A_NUMBER;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The handbook's emergency services in China and the ones travellers dial from habit. */
    public static final List<String> STANDARD_EMERGENCY = List.of("110", "119", "120", "122", "112", "999", "911", "000");

    private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]{1,20}");
    private static final Pattern SHORT = Pattern.compile("[0-9]{2,6}");
    private static final Pattern PREFIX = Pattern.compile("\\+[1-9][0-9]{0,14}");

    public DialRule {
        String code = region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(code)) {
            throw new IllegalArgumentException("'" + region + "' is not a region code libphonenumber knows (e.g. CN)");
        }
        region = code;
        for (String number : emergency) {
            if (!SHORT.matcher(number).matches()) {
                throw new IllegalArgumentException("emergency number '" + number + "' is not 2 to 6 digits");
            }
        }
        if (!refusedTypes.contains(Kind.PREMIUM_RATE)) {
            throw new IllegalArgumentException("premium-rate numbers are always refused; the rule must list premium-rate");
        }
        for (String prefix : prefixes) {
            if (!PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("refused prefix '" + prefix + "' is not + and a country code with digits (e.g. +86168)");
            }
        }
        emergency = List.copyOf(emergency);
        refusedTypes = Set.copyOf(refusedTypes);
        prefixes = List.copyOf(prefixes);
    }

    /** The standard rule for a region: emergency, short codes, premium-rate and shared-cost lines and foreign numbers refused. */
    public static DialRule standard(String region) {
        return new DialRule(region, STANDARD_EMERGENCY, Set.of(Kind.PREMIUM_RATE, Kind.SHARED_COST), List.of(), false);
    }

    /** Why {@code raw} must not be dialled, or empty when it may be. */
    public Optional<Refusal> check(String raw) {
        String number = raw == null ? "" : raw.strip();
        if (!DIGITS.matcher(number).matches()) {
            return Optional.of(Refusal.NOT_A_NUMBER);
        }
        String digits = number.startsWith("+") ? number.substring(1) : number;
        ShortNumberInfo shortNumbers = ShortNumberInfo.getInstance();
        if (emergency.contains(digits) || shortNumbers.connectsToEmergencyNumber(number, region)) {
            return Optional.of(Refusal.EMERGENCY);
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneNumber parsed;
        try {
            parsed = util.parse(number, region);
        } catch (NumberParseException e) {
            return Optional.of(Refusal.NOT_A_NUMBER);
        }
        if (!util.isValidNumber(parsed)) {
            // Not a full number of any plan: a service code (10086, 95588) or an emergency number with digits after it.
            return Optional.of(emergency.stream().anyMatch(digits::startsWith) ? Refusal.EMERGENCY : Refusal.SHORT_CODE);
        }
        String e164 = util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        if (prefixes.stream().anyMatch(e164::startsWith)) {
            return Optional.of(Refusal.REFUSED_PREFIX);
        }
        PhoneNumberType type = util.getNumberType(parsed);
        if (type == PhoneNumberType.PREMIUM_RATE) {
            return Optional.of(Refusal.PREMIUM_RATE);
        }
        if (refusedTypes.stream().anyMatch(kind -> kind.name().equals(type.name()))) {
            return Optional.of(Refusal.REFUSED_KIND);
        }
        if (!foreign && parsed.getCountryCode() != util.getCountryCodeForRegion(region)) {
            return Optional.of(Refusal.FOREIGN);
        }
        return Optional.empty();
    }

    /** The number in E.164 form when it is a valid one (the same customer however their number was written), else as given. */
    public String customerKey(String raw) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            PhoneNumber parsed = util.parse(raw.strip(), region);
            if (util.isValidNumber(parsed)) {
                return util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException | RuntimeException e) {
            // fall through: the number as written
        }
        return raw.strip();
    }
}
