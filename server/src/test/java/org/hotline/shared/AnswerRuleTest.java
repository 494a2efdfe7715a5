package org.hotline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnswerRuleTest {

    private static final Instant ARRIVAL = Instant.parse("2026-11-22T01:00:00Z");
    private final AnswerRule handbook = AnswerRule.handbook();

    @Test
    void theHotlineAnswersWithinThreeRingsOfAboutThreeSeconds() {
        assertThat(handbook.within()).isEqualTo(new Rings(3, Duration.ofSeconds(3)));
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
        assertThat(new AnswerRule(new Rings(3, Duration.ofSeconds(6))).limit()).isEqualTo(Duration.ofSeconds(18));
    }
}
