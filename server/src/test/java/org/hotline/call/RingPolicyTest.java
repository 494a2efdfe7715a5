package org.hotline.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RingPolicyTest {

    private static final Instant ARRIVAL = Instant.parse("2026-11-22T01:00:00Z");
    private final RingPolicy handbook = RingPolicy.handbook();

    @Test
    void theHotlineAnswersDuringTheFirstRingByDefault() {
        assertThat(handbook.plannedAnswer(ARRIVAL)).isEqualTo(ARRIVAL);
    }

    @Test
    void answeringAtTheSecondRingWaitsOneWholeRing() {
        RingPolicy policy = new RingPolicy(Duration.ofSeconds(3), 2, 3, 5);
        assertThat(policy.plannedAnswer(ARRIVAL)).isEqualTo(ARRIVAL.plusSeconds(3));
    }

    @Test
    void threeRingsOfThreeSecondsIsNineSeconds() {
        assertThat(handbook.answer().deadline(ARRIVAL)).isEqualTo(ARRIVAL.plusSeconds(9));
    }

    @Test
    void aCallAnsweredAtOnceWasAnsweredDuringTheFirstRing() {
        AnswerMeasure measure = handbook.measure(ARRIVAL, ARRIVAL.plusMillis(40));
        assertThat(measure.ring()).isEqualTo(1);
        assertThat(measure.withinRule()).isTrue();
        assertThat(measure.apologyDue()).isFalse();
        assertThat(measure.waited()).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void aCallAnsweredExactlyAtTheEndOfTheThirdRingKeepsTheRule() {
        AnswerMeasure measure = handbook.measure(ARRIVAL, ARRIVAL.plusSeconds(9));
        assertThat(measure.ring()).isEqualTo(3);
        assertThat(measure.withinRule()).isTrue();
    }

    @Test
    void aMillisecondPastTheThirdRingBreaksTheRule() {
        AnswerMeasure measure = handbook.measure(ARRIVAL, ARRIVAL.plusSeconds(9).plusMillis(1));
        assertThat(measure.ring()).isEqualTo(4);
        assertThat(measure.withinRule()).isFalse();
        assertThat(measure.apologyDue()).isFalse();
    }

    @Test
    void aCallerWhoWaitedPastFiveRingsIsOwedAnApology() {
        assertThat(handbook.measure(ARRIVAL, ARRIVAL.plusSeconds(15)).apologyDue()).isFalse();
        assertThat(handbook.measure(ARRIVAL, ARRIVAL.plusSeconds(15).plusMillis(1)).apologyDue()).isTrue();
    }

    @Test
    void ringLengthIsASettingBecauseCountriesDiffer() {
        RingPolicy us = new RingPolicy(Duration.ofSeconds(6), 1, 3, 5);
        assertThat(us.measure(ARRIVAL, ARRIVAL.plusSeconds(17)).withinRule()).isTrue();
        assertThat(us.measure(ARRIVAL, ARRIVAL.plusSeconds(17)).ring()).isEqualTo(3);
    }

    @Test
    void anAnswerStampedBeforeTheArrivalCountsAsNoWait() {
        AnswerMeasure measure = handbook.measure(ARRIVAL, ARRIVAL.minusMillis(1));
        assertThat(measure.waited()).isZero();
        assertThat(measure.ring()).isEqualTo(1);
    }

    @Test
    void nonsensicalPoliciesAreRejected() {
        assertThatThrownBy(() -> new RingPolicy(Duration.ZERO, 1, 3, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RingPolicy(Duration.ofSeconds(3), 4, 3, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RingPolicy(Duration.ofSeconds(3), 1, 3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
