package org.hotline.it;

import java.time.Duration;
import java.time.Instant;

/** A stretch of wall-clock time in one state of a call, to be found in a phone's recording: it starts once the change settled. */
record Phase(Instant from, Instant to) {

    /** Waits {@code settle}, then lasts {@code length}; half a second off each end. */
    static Phase after(Duration settle, Duration length) throws InterruptedException {
        return after(settle, length, Duration.ofMillis(500));
    }

    /** Waits {@code settle}, then lasts {@code length}; the stretch kept leaves {@code margin} off each end. */
    static Phase after(Duration settle, Duration length, Duration margin) throws InterruptedException {
        Thread.sleep(settle.toMillis());
        Instant from = Instant.now();
        Thread.sleep(length.toMillis());
        return new Phase(from.plus(margin), Instant.now().minus(margin));
    }
}
