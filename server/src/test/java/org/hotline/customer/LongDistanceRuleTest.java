package org.hotline.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers are real ranges; their home areas are as the libphonenumber geocoder data gives them
 * (e.g. 138 0013 is registered in Beijing, 138 0020 in Guangzhou).
 */
class LongDistanceRuleTest {

    private static final PhoneNumbers CHINA = new PhoneNumbers("CN");
    private final LongDistanceRule beijing = LongDistanceRule.forCentre(CHINA, "10");

    @Test
    void aFixedLineInTheCentresAreaIsLocal() {
        assertThat(beijing.appliesTo("+861062345678")).isFalse();
    }

    @Test
    void aFixedLineInAnotherAreaIsLongDistance() {
        assertThat(beijing.appliesTo("+862162345678")).as("Shanghai 021").isTrue();
        assertThat(beijing.appliesTo("+8675512345678")).as("Shenzhen 0755").isTrue();
    }

    @Test
    void aMobileIsLocalWhenRegisteredInTheCentresCity() {
        assertThat(beijing.appliesTo("+8613800138000")).as("138 0013, Beijing").isFalse();
        assertThat(beijing.appliesTo("+8613910001234")).as("139 1000, Beijing").isFalse();
    }

    @Test
    void aMobileRegisteredInAnotherCityIsLongDistance() {
        assertThat(beijing.appliesTo("+8613800201234")).as("138 0020, Guangzhou").isTrue();
        assertThat(beijing.appliesTo("+8613900001234")).as("139 0000, Urumqi").isTrue();
    }

    @Test
    void theCentresOwnCityIsLocalForMobilesFromAnywhereInIt() {
        LongDistanceRule guangzhou = LongDistanceRule.forCentre(CHINA, "20");
        assertThat(guangzhou.appliesTo("+8613800201234")).as("138 0020, Guangzhou").isFalse();
        assertThat(guangzhou.appliesTo("+8613800138000")).as("138 0013, Beijing").isTrue();
        assertThat(guangzhou.appliesTo("+862062345678")).as("Guangzhou fixed line").isFalse();
    }

    @Test
    void anAreaCodeCoveringSeveralCitiesMakesAllOfThemLocal() {
        // 028 is 四川省成都市、资阳市、眉山市 in the geocoder's words
        LongDistanceRule chengdu = LongDistanceRule.forCentre(CHINA, "28");
        assertThat(chengdu.appliesTo("+8613008101234")).as("130 0810, Chengdu").isFalse();
        assertThat(chengdu.appliesTo("+8613038141234")).as("130 3814, Ziyang").isFalse();
        assertThat(chengdu.appliesTo("+8613002901234")).as("130 0290, Xi'an").isTrue();
    }

    @Test
    void aCityNamedWithOrWithoutItsShiIsTheSameCity() {
        // the data names 177 2600 天津 and the fixed line 022 天津市
        assertThat(LongDistanceRule.forCentre(CHINA, "22").appliesTo("+8617726001234")).isFalse();
    }

    @Test
    void aMobileWhoseHomeTheGeocoderDoesNotKnowIsNotGivenAHeadStart() {
        // the geocoder names only the country (中国) for 199 prefixes of this release
        assertThat(beijing.appliesTo("+8619912345678")).isFalse();
    }

    @Test
    void aForeignNumberIsLongDistance() {
        assertThat(beijing.appliesTo("+442079460000")).isTrue();
        assertThat(beijing.appliesTo("+14155552671")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+8610086", "13800138000", "anonymous", "+86400812312"})
    void anUnknownOrInvalidNumberIsNotLongDistance(String number) {
        assertThat(beijing.appliesTo(number)).isFalse();
        assertThat(beijing.appliesTo(null)).isFalse();
    }

    @Test
    void aServiceNumberWithoutAreaIsNotLongDistance() {
        assertThat(beijing.appliesTo("+864008123123")).as("400 number").isFalse();
    }

    @Test
    void withoutACentreAreaCodeNobodyIsLongDistance() {
        assertThat(LongDistanceRule.forCentre(CHINA, null).appliesTo("+862162345678")).isFalse();
        assertThat(LongDistanceRule.nobody().appliesTo("+442079460000")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"010", "600", "100", "1", "12345", "ab", ""})
    void anAreaCodeTheRegionDoesNotHaveIsRefused(String code) {
        assertThatThrownBy(() -> LongDistanceRule.forCentre(CHINA, code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an area code");
    }

    @Test
    void threeAndFourDigitAreaCodesAreKnown() {
        assertThat(LongDistanceRule.forCentre(CHINA, "755").appliesTo("+8675512345678")).isFalse();
        assertThat(LongDistanceRule.forCentre(CHINA, "755").appliesTo("+861062345678")).isTrue();
    }
}
