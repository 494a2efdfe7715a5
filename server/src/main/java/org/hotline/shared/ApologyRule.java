package org.hotline.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * A caller picked up by a person only after five rings hears an apology first (handbook 000 L119):
 * the hotline's answer and the wait for an agent are each measured against it.
 *
 * @param ringLength one ring, the same as the caller's answer rule's
 * @param afterRings a caller who waited past this many rings is owed the apology
 */
public record ApologyRule(Duration ringLength, int afterRings) {

    public ApologyRule {
        if (!ringLength.isPositive()) {
            throw new IllegalArgumentException("ring length must be positive");
        }
        if (afterRings < 1) {
            throw new IllegalArgumentException("the apology comes after at least one ring");
        }
    }

    /** After five rings of three seconds. */
    public static ApologyRule handbook() {
        return new ApologyRule(AnswerRule.HANDBOOK_RING, 5);
    }

    /** How long a caller may wait before the apology is owed (five rings: 15 s). */
    public Duration after() {
        return ringLength.multipliedBy(afterRings);
    }

    /** When the apology falls due for a wait that began at {@code from}. */
    public Instant dueAt(Instant from) {
        return from.plus(after());
    }

    /** Whether a caller who waited this long is owed the apology; exactly five rings is not yet past them. */
    public boolean due(Duration waited) {
        return waited.compareTo(after()) > 0;
    }
}
