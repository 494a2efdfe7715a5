package org.hotline.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnswerDeadlineTest {

    private static AnswerDeadline deadline(long millis) {
        return new AnswerDeadline(Duration.ofMillis(millis), Duration.ofMinutes(2));
    }

    @Test
    void theStandardDeadlineKeepsTheHandbooksThreeRingsWhoeverAnswers() {
        assertThat(AnswerDeadline.standard().misfit(RingPolicy.handbook())).isEmpty();
    }

    @Test
    void theFallbackMustStillAnswerAndStartTheGreetingWithinTheLastRing() {
        assertThat(deadline(8_000).misfit(RingPolicy.handbook())).isEmpty();
        assertThat(deadline(8_001).misfit(RingPolicy.handbook())).get().asString()
                .contains("8.001 s").contains("3-ring limit of 9 s");
    }

    @Test
    void theServersPlannedAnswerMustComeAtLeastASecondBeforeTheDeadline() {
        RingPolicy thirdRing = new RingPolicy(Duration.ofSeconds(3), 3, 3, 5); // answers 6 s after arrival
        assertThat(deadline(7_000).misfit(thirdRing)).isEmpty();
        assertThat(deadline(6_500).misfit(thirdRing)).get().asString()
                .contains("6 s after arrival (ring 3)").contains("6.5 s");
    }

    @Test
    void longerRingsLeaveALaterDeadline() {
        RingPolicy fiveSecondRings = new RingPolicy(Duration.ofSeconds(5), 1, 3, 5);
        assertThat(deadline(14_000).misfit(fiveSecondRings)).isEmpty();
    }

    @Test
    void asteriskIsGivenSecondsWithMilliseconds() {
        assertThat(deadline(5_000).asteriskSeconds()).isEqualTo("5");
        assertThat(deadline(4_250).asteriskSeconds()).isEqualTo("4.25");
        assertThat(new AnswerDeadline(Duration.ofSeconds(5), Duration.ofSeconds(90)).holdSeconds()).isEqualTo("90");
    }

    @Test
    void aDeadlineMustBePositiveAndTheHoldNotNegative() {
        assertThatThrownBy(() -> deadline(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnswerDeadline(Duration.ofSeconds(5), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
