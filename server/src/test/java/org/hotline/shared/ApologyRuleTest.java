package org.hotline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApologyRuleTest {

    private final ApologyRule handbook = ApologyRule.handbook();

    @Test
    void aCallerWhoWaitedPastFiveRingsIsOwedAnApology() {
        assertThat(handbook.due(Duration.ofSeconds(15))).isFalse();
        assertThat(handbook.due(Duration.ofSeconds(15).plusMillis(1))).isTrue();
    }

    @Test
    void theApologyFallsDueFiveRingsAfterTheWaitBegan() {
        Instant queued = Instant.parse("2026-11-22T01:00:00Z");
        assertThat(handbook.dueAt(queued)).isEqualTo(queued.plusSeconds(15));
    }
}
