package org.hotline.call;

import java.time.Instant;
import java.util.Objects;
import org.hotline.shared.Skill;

/**
 * A waiting caller's place in line, kept on their own channel while they wait: should their
 * server go away, the one that takes them back from Asterisk's fallback puts them back in the same
 * queue at the same place, not at the menu behind everyone who called later.
 *
 * @param queue        the queue they wait in
 * @param since        when they joined it: their place is counted from here
 * @param vip          the head start of a VIP (see the routing's priority rules)
 * @param longDistance the head start of a long-distance caller
 * @param apologised   whether they have heard the apology for their wait: a caller taken back is
 *                     not told it twice
 */
public record KeptPlace(Skill queue, Instant since, boolean vip, boolean longDistance, boolean apologised) {

    public KeptPlace {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(since, "since");
    }

    /** A place whose caller has not been apologised to yet. */
    public KeptPlace(Skill queue, Instant since, boolean vip, boolean longDistance) {
        this(queue, since, vip, longDistance, false);
    }

    /** The same place, once its caller has heard the apology. */
    KeptPlace afterTheApology() {
        return new KeptPlace(queue, since, vip, longDistance, true);
    }

    /**
     * Whether this can be the place of {@code call}: joined after it arrived and not later than
     * {@code now}. Anything else was written for another call or by something else, and is ignored.
     */
    boolean takenDuring(InboundCall call, Instant now) {
        return !since.isBefore(call.arrival()) && !since.isAfter(now);
    }
}
