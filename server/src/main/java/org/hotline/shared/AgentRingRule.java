package org.hotline.shared;

import java.time.Duration;

/**
 * The agent's ring rule: an agent's phone rings three rings, then the call is offered to the next
 * agent (the handbook's three rings, applied to the agents). Apart from the caller's
 * {@link AnswerRule}: each has its own setting, so changing one leaves the other alone.
 *
 * @param ringLength one ring (the same ring length as the caller's)
 * @param rings      how many rings an agent is given
 */
public record AgentRingRule(Duration ringLength, int rings) {

    public AgentRingRule {
        if (!ringLength.isPositive()) {
            throw new IllegalArgumentException("ring length must be positive");
        }
        if (rings < 1) {
            throw new IllegalArgumentException("an agent is given at least one ring");
        }
    }

    /** Three rings of three seconds. */
    public static AgentRingRule handbook() {
        return new AgentRingRule(AnswerRule.HANDBOOK_RING, 3);
    }

    /** How long an agent's phone rings for one offer (three rings: 9 s). */
    public Duration ringFor() {
        return ringLength.multipliedBy(rings);
    }

    /** Whether an agent who answered after this long kept the rule; exactly at the last ring's end keeps it. */
    public boolean kept(Duration rang) {
        return rang.compareTo(ringFor()) <= 0;
    }
}
