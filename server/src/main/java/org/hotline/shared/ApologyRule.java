package org.hotline.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A caller picked up by a person only after five rings hears an apology first (handbook 000 L119):
 * the hotline's answer and the wait for an agent are each measured against it.
 *
 * @param after a caller who waited past these rings (the caller's own ring length) is owed the apology
 */
public record ApologyRule(Rings after) {

    public ApologyRule {
        Objects.requireNonNull(after, "after");
    }

    /** After five rings of three seconds. */
    public static ApologyRule handbook() {
        return new ApologyRule(Rings.ofHandbook(5));
    }

    /** When the apology falls due for a wait that began at {@code from} (five rings: 15 s later). */
    public Instant dueAt(Instant from) {
        return from.plus(after.last());
    }

    /** Whether a caller who waited this long is owed the apology; exactly five rings is not yet past them. */
    public boolean due(Duration waited) {
        return !after.cover(waited);
    }
}
