package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitEstimateTest {

    @Test
    void untilConversationsAreSeenTheTargetCallLengthStandsIn() {
        WaitEstimate estimate = new WaitEstimate(Duration.ofMinutes(3));
        assertThat(estimate.averageHandling()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void theNextInLineWaitsHalfAHandlingTimeOnAverage() {
        WaitEstimate estimate = new WaitEstimate(Duration.ofMinutes(4));
        assertThat(estimate.forPlace(0, 1)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void callersAheadAreSharedAmongTheAgentsAtWork() {
        WaitEstimate estimate = new WaitEstimate(Duration.ofMinutes(4));
        assertThat(estimate.forPlace(4, 2)).isEqualTo(Duration.ofMinutes(10)); // two full rounds, then half of one
        assertThat(estimate.forPlace(4, 1)).isEqualTo(Duration.ofMinutes(18));
    }

    @Test
    void theAverageFollowsTheLatestConversations() {
        WaitEstimate estimate = new WaitEstimate(Duration.ofMinutes(3));
        estimate.handled(Duration.ofMinutes(2));
        estimate.handled(Duration.ofMinutes(4));
        assertThat(estimate.averageHandling()).isEqualTo(Duration.ofMinutes(3));
        for (int i = 0; i < 60; i++) {
            estimate.handled(Duration.ofMinutes(1));
        }
        assertThat(estimate.averageHandling()).isEqualTo(Duration.ofMinutes(1));
    }
}
