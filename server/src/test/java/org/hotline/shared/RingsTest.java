package org.hotline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RingsTest {

    @Test
    void threeRingsOfAboutThreeSecondsLastNineSeconds() {
        assertThat(Rings.ofHandbook(3).last()).isEqualTo(Duration.ofSeconds(9));
        assertThat(new Rings(3, Duration.ofSeconds(6)).last()).as("a US cadence").isEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void whatEndsExactlyWithTheLastRingIsWithinThem() {
        assertThat(Rings.ofHandbook(3).cover(Duration.ofSeconds(9))).isTrue();
        assertThat(Rings.ofHandbook(3).cover(Duration.ofSeconds(9).plusMillis(1))).isFalse();
    }

    @Test
    void atLeastOneRingOfSomeLength() {
        assertThatThrownBy(() -> new Rings(0, Duration.ofSeconds(3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rings(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
