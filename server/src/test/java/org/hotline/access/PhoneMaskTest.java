package org.hotline.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneMaskTest {

    @Test
    void aChineseMobileShowsItsFirstThreeAndLastFourDigits() {
        assertThat(PhoneMask.mask("+8613800138000")).isEqualTo("138****8000");
        assertThat(PhoneMask.mask("13800138000")).isEqualTo("138****8000");
    }

    @Test
    void aLandlineAndAForeignNumberAreMaskedTheSameWay() {
        assertThat(PhoneMask.mask("+861088886666")).isEqualTo("108***6666");
        assertThat(PhoneMask.mask("+14155550123")).isEqualTo("141****0123");
    }

    @Test
    void shortNumbersKeepOnlyTheirLastTwoDigits() {
        assertThat(PhoneMask.mask("10086")).isEqualTo("***86");
        assertThat(PhoneMask.mask("12")).isEqualTo("**");
    }

    @Test
    void textWithoutDigitsStaysAsItIs() {
        assertThat(PhoneMask.mask("anonymous")).isEqualTo("anonymous");
        assertThat(PhoneMask.mask(null)).isNull();
    }

    @Test
    void nothingOfTheMiddleSurvives() {
        assertThat(PhoneMask.mask("+86 138-0013-8000")).doesNotContain("0013");
    }
}
