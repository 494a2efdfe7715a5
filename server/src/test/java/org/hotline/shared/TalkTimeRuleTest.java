package org.hotline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TalkTimeRuleTest {

    private final TalkTimeRule handbook = TalkTimeRule.handbook();

    @Test
    void aCallAimsAtThreeMinutes() {
        assertThat(handbook.withinTarget(Duration.ofMinutes(3))).isTrue();
        assertThat(handbook.withinTarget(Duration.ofMinutes(3).plusMillis(1))).isFalse();
    }

    @Test
    void aCallIsNeverOverFiveMinutes() {
        assertThat(handbook.overLimit(Duration.ofMinutes(5))).isFalse();
        assertThat(handbook.overLimit(Duration.ofMinutes(5).plusMillis(1))).isTrue();
    }

    @Test
    void theLimitComesAfterTheTarget() {
        assertThatThrownBy(() -> new TalkTimeRule(Duration.ofMinutes(5), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TalkTimeRule(Duration.ZERO, Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
    }
}
