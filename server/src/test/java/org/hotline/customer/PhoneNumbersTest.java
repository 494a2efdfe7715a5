package org.hotline.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    private final PhoneNumbers china = new PhoneNumbers("CN");

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "+8613800138000", "008613800138000", "+86 138 0013 8000", "138-0013-8000", " 13800138000 "})
    void aMobileIsTheSameCallerHoweverTheNetworkWritesIt(String raw) {
        assertThat(china.e164(raw)).contains("+8613800138000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"01062345678", "+861062345678", "(010) 6234-5678", "0086 10 6234 5678"})
    void aFixedLineLosesItsTrunkPrefix(String raw) {
        assertThat(china.e164(raw)).contains("+861062345678");
    }

    @Test
    void aForeignNumberKeepsItsCountry() {
        assertThat(china.e164("+44 20 7946 0000")).contains("+442079460000");
        assertThat(china.e164("00 1 415 555 2671")).contains("+14155552671");
    }

    @Test
    void aNumberWithoutCountryCodeIsReadInTheCentresRegion() {
        assertThat(new PhoneNumbers("US").e164("415 555 2671")).contains("+14155552671");
        assertThat(new PhoneNumbers("us").region()).isEqualTo("US");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"anonymous", "Restricted", "unknown", "   ", "123", "10086", "95588", "0000000000",
            "62345678", "1-800-FLOWERS", "+999 1234 5678", "13800138000; drop", "+86 138 0013 8000 0000 0000 0000 0000 0000 0000"})
    void noNumberAnAnonymousCallerServiceNumbersAndGarbageAreNobody(String raw) {
        assertThat(china.e164(raw)).isEmpty();
    }

    @Test
    void anUnknownRegionIsRefused() {
        assertThatThrownBy(() -> new PhoneNumbers("XX")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XX");
        assertThatThrownBy(() -> new PhoneNumbers(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCentreDialsNationalNumbersInNationalFormAndForeignOnesWithTheInternationalPrefix() {
        assertThat(china.dialFromCentre("+8613800138000")).contains("13800138000");
        assertThat(china.dialFromCentre("+861062345678")).contains("01062345678");
        assertThat(china.dialFromCentre("+12125550100")).contains("0012125550100");
        assertThat(china.dialFromCentre("12345")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6234 5678", "62345678", "6234-5678"})
    void aLocalNumberWithoutItsAreaCodeIsTheAreasAsAPhoneThereDialsIt(String written) {
        assertThat(china.e164(written, "10")).contains("+861062345678");
        assertThat(china.e164(written, "21")).contains("+862162345678");
        assertThat(china.e164(written, null)).as("no area to read it in").isEmpty();
    }

    @Test
    void aNumberWithItsOwnCodesIsNotReadAsLocal() {
        assertThat(china.e164("13800138000", "10")).contains("+8613800138000");
        assertThat(china.e164("020 8765 4321", "10")).contains("+862087654321");
        assertThat(china.e164("123", "10")).isEmpty();
        assertThat(china.e164("10086", "10")).as("a service number").isEmpty();
    }

    @Test
    void aNumbersTimeZoneIsWhereItsPrefixIs() {
        assertThat(china.timeZoneOf("+8613800138000")).contains(ZoneId.of("Asia/Shanghai"));
        assertThat(china.timeZoneOf("+12125551234")).contains(ZoneId.of("America/New_York"));
        assertThat(china.timeZoneOf("+13105551234")).contains(ZoneId.of("America/Los_Angeles"));
        assertThat(china.timeZoneOf("+442079460000")).contains(ZoneId.of("Europe/London"));
    }

    @Test
    void aNumberWhoseZoneIsUnknownOrAmbiguousHasNone() {
        assertThat(china.timeZoneOf("+79161234567")).as("a Russian mobile: 16 zones").isEmpty();
        assertThat(china.timeZoneOf("+18005551234")).as("a North American toll-free number").isEmpty();
        assertThat(china.timeZoneOf("not a number")).isEmpty();
        assertThat(china.timeZoneOf(null)).isEmpty();
    }
}
