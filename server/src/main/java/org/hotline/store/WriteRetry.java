package org.hotline.store;

import java.time.Duration;

/**
 * How long a failed write is retried: the delay starts at {@code first}, doubles up to
 * {@code max}, and the write is given up once {@code giveUpAfter} has passed since its first try.
 */
public record WriteRetry(Duration first, Duration max, Duration giveUpAfter) {

    public WriteRetry {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("retry delays must be positive, first <= max, and the limit not negative");
        }
    }

    /** 50 ms doubling to 2 s, for about a minute: rides out a MongoDB restart or fail-over. */
    public static WriteRetry standard() {
        return new WriteRetry(Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofMinutes(1));
    }

    /** The delay before retry number {@code retry} (0 = the first retry). */
    public Duration delay(int retry) {
        Duration delay = first;
        for (int i = 0; i < retry && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
