package org.hotline.shared;

import java.time.Duration;

/**
 * Call length: aim at three minutes, never over five (handbook 000 L109). The agent is warned at
 * the target; a conversation past the limit breaks the rule.
 *
 * @param target the aim: a conversation of at most this long keeps it, and the agent is warned when it is reached
 * @param limit  a conversation longer than this breaks the rule
 */
public record TalkTimeRule(Duration target, Duration limit) {

    public TalkTimeRule {
        if (!target.isPositive() || !limit.minus(target).isPositive()) {
            throw new IllegalArgumentException("the talk-time target must be positive and the limit above it");
        }
    }

    /** Three minutes' aim, five minutes at most. */
    public static TalkTimeRule handbook() {
        return new TalkTimeRule(Duration.ofMinutes(3), Duration.ofMinutes(5));
    }

    /** Whether a conversation this long kept the aim; exactly at the target keeps it. */
    public boolean withinTarget(Duration talk) {
        return talk.compareTo(target) <= 0;
    }

    /** Whether a conversation this long broke the limit; exactly at the limit does not. */
    public boolean overLimit(Duration talk) {
        return talk.compareTo(limit) > 0;
    }
}
