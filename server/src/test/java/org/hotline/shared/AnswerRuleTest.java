package org.hotline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnswerRuleTest {

    private static final Instant ARRIVAL = Instant.parse("2026-11-22T01:00:00Z");
    private final AnswerRule handbook = AnswerRule.handbook();

    @Test
    void theHotlineAnswersWithinThreeRingsOfAboutThreeSeconds() {
        assertThat(handbook.ringLength()).isEqualTo(Duration.ofSeconds(3));
        assertThat(handbook.withinRings()).isEqualTo(3);
        assertThat(handbook.limit()).isEqualTo(Duration.ofSeconds(9));
        assertThat(handbook.deadline(ARRIVAL)).isEqualTo(ARRIVAL.plusSeconds(9));
    }

    @Test
    void anAnswerExactlyAtTheEndOfTheThirdRingKeepsTheRuleAndAMillisecondLaterBreaksIt() {
        assertThat(handbook.kept(Duration.ofSeconds(9))).isTrue();
        assertThat(handbook.kept(Duration.ofSeconds(9).plusMillis(1))).isFalse();
    }

    @Test
    void whereRingsAreLongerTheLimitIsLonger() {
        assertThat(new AnswerRule(Duration.ofSeconds(6), 3).limit()).isEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void nonsensicalRulesAreRejected() {
        assertThatThrownBy(() -> new AnswerRule(Duration.ZERO, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnswerRule(Duration.ofSeconds(3), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
