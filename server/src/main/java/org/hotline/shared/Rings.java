package org.hotline.shared;

import java.time.Duration;

/**
 * A number of rings: how the handbook counts its clocks ("within three rings; a ring is about
 * three seconds"). The one place rings become a duration.
 *
 * @param count      how many rings
 * @param ringLength one ring (countries differ: the handbook's ~3 s, CN/DE 5 s cadence, US 6 s)
 */
public record Rings(int count, Duration ringLength) {

    /** The handbook's ring: "a ring is about three seconds". */
    public static final Duration HANDBOOK_RING = Duration.ofSeconds(3);

    public Rings {
        if (count < 1) {
            throw new IllegalArgumentException("at least one ring");
        }
        if (!ringLength.isPositive()) {
            throw new IllegalArgumentException("ring length must be positive");
        }
    }

    /** This many of the handbook's three-second rings. */
    static Rings ofHandbook(int count) {
        return new Rings(count, HANDBOOK_RING);
    }

    /** How long they last: three rings of 3 s are 9 s. */
    Duration last() {
        return ringLength.multipliedBy(count);
    }

    /** Whether something that took this long was over by the end of the last ring; exactly at the end is. */
    boolean cover(Duration took) {
        return took.compareTo(last()) <= 0;
    }
}
