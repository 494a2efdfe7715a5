package org.hotline.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * The caller's answer rule: the hotline answers within three rings, a ring being about three
 * seconds (handbook 000 L119). Counted from the call's arrival.
 *
 * @param ringLength  one ring (countries differ: the handbook's ~3 s, CN/DE 5 s cadence, US 6 s)
 * @param withinRings the call is answered by the end of this ring
 */
public record AnswerRule(Duration ringLength, int withinRings) {

    /** The handbook's ring: "a ring is about three seconds". */
    public static final Duration HANDBOOK_RING = Duration.ofSeconds(3);

    public AnswerRule {
        if (!ringLength.isPositive()) {
            throw new IllegalArgumentException("ring length must be positive");
        }
        if (withinRings < 1) {
            throw new IllegalArgumentException("a call is answered within at least one ring");
        }
    }

    /** Three rings of three seconds. */
    public static AnswerRule handbook() {
        return new AnswerRule(HANDBOOK_RING, 3);
    }

    /** How long a caller may ring before the rule is broken (three rings: 9 s). */
    public Duration limit() {
        return ringLength.multipliedBy(withinRings);
    }

    /** The latest moment that still keeps the rule for a call that arrived at {@code arrival}. */
    public Instant deadline(Instant arrival) {
        return arrival.plus(limit());
    }

    /** Whether a caller who rang this long was answered in time; exactly at the limit keeps it. */
    public boolean kept(Duration rang) {
        return rang.compareTo(limit()) <= 0;
    }
}
