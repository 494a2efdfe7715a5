package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** *7&lt;n&gt; names the n-th code of the queue's list, from 1 to 9; anything else names none. */
class WrapUpCodeScriptTest {

    @Test
    void theDigitAfterStarSevenIsTheCodesPlaceInTheList() {
        assertThat(WrapUpCodeScript.place("*71")).isEqualTo(1);
        assertThat(WrapUpCodeScript.place("*79")).isEqualTo(9);
        assertThat(WrapUpCodeScript.place("*70")).isZero();
        assertThat(WrapUpCodeScript.place("*7")).isZero();
        assertThat(WrapUpCodeScript.place("*712")).isZero();
        assertThat(WrapUpCodeScript.place("*21")).isZero();
        assertThat(WrapUpCodeScript.place(null)).isZero();
    }
}
