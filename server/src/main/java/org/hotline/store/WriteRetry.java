package org.hotline.store;

import java.time.Duration;

/**
 * How often a failed store write is tried again: the delay starts at {@code first} and doubles up
 * to {@code max}. A write is never given up while the store is away (it waits in the spool).
 */
public record WriteRetry(Duration first, Duration max) {

    public WriteRetry {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("retry delays must be positive, first <= max");
        }
    }

    /** 50 ms doubling to 2 s: a returning store is noticed within 2 s. */
    public static WriteRetry standard() {
        return new WriteRetry(Duration.ofMillis(50), Duration.ofSeconds(2));
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
