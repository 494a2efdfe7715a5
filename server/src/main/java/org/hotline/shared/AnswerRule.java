package org.hotline.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The caller's answer rule: the hotline answers within three rings, a ring being about three
 * seconds (handbook 000 L119). Counted from the call's arrival.
 *
 * @param within the call is answered by the end of these rings
 */
public record AnswerRule(Rings within) {

    public AnswerRule {
        Objects.requireNonNull(within, "within");
    }

    /** Three rings of three seconds. */
    public static AnswerRule handbook() {
        return new AnswerRule(Rings.ofHandbook(3));
    }

    /** How long a caller may ring before the rule is broken (three rings: 9 s). */
    public Duration limit() {
        return within.last();
    }

    /** The latest moment that still keeps the rule for a call that arrived at {@code arrival}. */
    public Instant deadline(Instant arrival) {
        return arrival.plus(limit());
    }

    /** Whether a caller who rang this long was answered in time; exactly at the limit keeps it. */
    public boolean kept(Duration rang) {
        return within.cover(rang);
    }
}
