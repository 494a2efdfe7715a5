package org.hotline.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits until a moment; the flow runs on its own (virtual) thread, so it may simply sleep. */
@FunctionalInterface
public interface Sleeper {

    void sleepUntil(Instant moment);

    static Sleeper on(Clock clock) {
        return moment -> {
            Duration left = Duration.between(clock.instant(), moment);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
