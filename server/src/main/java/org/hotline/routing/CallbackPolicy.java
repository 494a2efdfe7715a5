package org.hotline.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When callbacks are due and how often a customer who does not pick up is tried again.
 *
 * @param within      the deadline, counted from the request (or from the next opening, when asked outside hours)
 * @param maxAttempts how many times the customer is dialled at most
 * @param retryAfter  how long after an attempt the customer did not answer the request waits before its next turn
 */
public record CallbackPolicy(Duration within, int maxAttempts, Duration retryAfter) {

    public CallbackPolicy {
        if (within.isNegative() || within.isZero() || maxAttempts < 1 || retryAfter.isNegative()) {
            throw new IllegalArgumentException("a callback needs a positive deadline, at least one attempt and a retry delay");
        }
    }

    /** The handbook's "call back early": within an hour, three tries ten minutes apart. */
    public static CallbackPolicy standard() {
        return new CallbackPolicy(Duration.ofHours(1), 3, Duration.ofMinutes(10));
    }

    /** The deadline of a request made at {@code requestedAt}; when asked outside hours, counted from the next opening. */
    public Instant deadline(Instant requestedAt, Optional<Instant> nextOpening) {
        Instant from = nextOpening.filter(opening -> opening.isAfter(requestedAt)).orElse(requestedAt);
        return from.plus(within);
    }

    /** Whether a request that was just tried without reaching the customer gets another turn. */
    public boolean triesAgain(CallbackRequest tried) {
        return tried.attempts() < maxAttempts;
    }
}
