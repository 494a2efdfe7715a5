package org.hotline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.call.AnswerMeasure;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.junit.jupiter.api.Test;

class CallMetricsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T15:00:00Z")); // 23:00 Beijing
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now.get(), zone);
        }
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CallMetrics metrics = new CallMetrics((id, event) -> { }, meters, clock, ZoneId.of("Asia/Shanghai"));

    private void answered(boolean withinRule) {
        metrics.append(new CallId("1.1"), new CallEvent.AnswerMeasured(now.get(),
                new AnswerMeasure(Duration.ofSeconds(withinRule ? 1 : 12), withinRule ? 1 : 5, withinRule, !withinRule)));
    }

    private double threeRingToday() {
        return meters.get("hotline.calls.three.ring.today").gauge().value();
    }

    @Test
    void todaysThreeRingShareStartsAfreshAtTheCentresMidnight() {
        assertThat(threeRingToday()).as("no call yet: no data").isNaN();
        answered(true);
        answered(false);
        assertThat(threeRingToday()).isEqualTo(0.5);

        now.set(Instant.parse("2026-11-22T16:00:00Z")); // midnight in Beijing
        assertThat(threeRingToday()).isNaN();
        answered(true);
        assertThat(threeRingToday()).isEqualTo(1.0);
    }
}
