package org.hotline.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * When an agent may give their call a wrap-up code: only their own last call, from the end of its
 * conversation through their wrap-up and for {@code afterWrapUp} after it (a wrap-up of a few
 * seconds is over before the agent has read the list), and never once they have taken another call.
 * One code per call: a later choice within the window replaces the earlier one.
 *
 * @param afterWrapUp how long after the wrap-up ends the code can still be chosen or changed
 */
public record WrapUpCodeRule(Duration afterWrapUp) {

    public WrapUpCodeRule {
        if (afterWrapUp.isNegative()) {
            throw new IllegalArgumentException("a wrap-up code's time after the wrap-up cannot be negative");
        }
    }

    /** The default: two minutes after the wrap-up, about what an agent needs to finish their note of the call. */
    public static WrapUpCodeRule standard() {
        return new WrapUpCodeRule(Duration.ofMinutes(2));
    }

    /** @param wrapUpEndedAt when the agent's wrap-up after the call ended, or null while it goes on */
    public boolean open(Instant wrapUpEndedAt, Instant now) {
        return wrapUpEndedAt == null || now.isBefore(closesAt(wrapUpEndedAt));
    }

    public Instant closesAt(Instant wrapUpEndedAt) {
        return wrapUpEndedAt.plus(afterWrapUp);
    }
}
